using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Licences;

public static class LicencesErrors
{
    public static readonly ErrorCode TypeNotFound = new("licences.type_not_found", 404, "证照类型不存在或已停用");
    public static readonly ErrorCode NotFound = new("licences.not_found", 404, "证照不存在或已解除绑定");
    /// <summary>The issuer holds no licence of this type for the caller's name and ID number.</summary>
    public static readonly ErrorCode NotIssued = new("licences.not_issued", 404, "未查询到您名下的该类证照");
    /// <summary>The issuer's record names someone else: the licence is not the caller's.</summary>
    public static readonly ErrorCode HolderMismatch = new("licences.holder_mismatch", 409, "该证照不属于本人，无法绑定");
    /// <summary>The licence is bound live by another person (it cannot be two people's).</summary>
    public static readonly ErrorCode BoundElsewhere = new("licences.bound_elsewhere", 409, "该证照已被其他用户绑定");
    public static readonly ErrorCode Limit = new("licences.limit_reached", 409, "绑定的证照数量已达上限");
    public static readonly ErrorCode Expired = new("licences.expired", 409, "证照已过有效期，请重新授权关联");
    public static readonly ErrorCode Busy = new("licences.busy", 409, "操作冲突，请稍后重试");
    public static readonly ErrorCode OrderMismatch = new("licences.order_mismatch", 400, "排序须包含全部已绑定的证照且不得重复");
    public static readonly ErrorCode IssuerUnavailable = new("licences.issuer_unavailable", 503, "证照签发机构服务暂不可用，请稍后再试");

    /// <summary>What a bind (授权关联) can answer beyond validation.</summary>
    public static readonly IReadOnlyList<ErrorCode> Bind = [TypeNotFound, NotIssued, HolderMismatch, BoundElsewhere, Limit, Busy, IssuerUnavailable];
}
