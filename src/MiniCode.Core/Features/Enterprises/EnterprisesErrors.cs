using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Enterprises;

public static class EnterprisesErrors
{
    public static readonly ErrorCode BindingNotFound = new("enterprises.not_found", 404, "企业绑定不存在");
    public static readonly ErrorCode NotVerified = new("enterprises.not_verified", 403, "企业信息或身份核验未通过，请核对企业名称、统一社会信用代码和身份");
    public static readonly ErrorCode AlreadyBound = new("enterprises.already_bound", 409, "已绑定该企业");
    public static readonly ErrorCode LimitReached = new("enterprises.limit_reached", 409, "绑定的企业数量已达上限");
    public static readonly ErrorCode Suspended = new("enterprises.suspended", 409, "该企业码已被暂停使用");
    public static readonly ErrorCode RegistryUnavailable = new("enterprises.registry_unavailable", 503, "企业信息核验服务暂不可用，请稍后再试");

    /// <summary>Binding an enterprise: what the registry's proof can answer.</summary>
    public static readonly IReadOnlyList<ErrorCode> Bind = [NotVerified, AlreadyBound, LimitReached, Suspended, RegistryUnavailable];
}
