using MiniCode.Infrastructure.Errors;
namespace MiniCode.Features.HealthCodes;

public static class HealthCodeErrors
{
    public static readonly ErrorCode DeclarationRequired = new("codes.declaration_required", 409, "请先完成健康信息申报");
    public static readonly ErrorCode DeclarationTooSoon = new("declaration.too_soon", 409, "申报信息修改过于频繁，请于上次修改24小时后再试");
    public static readonly ErrorCode FaceCheckRequired = new("codes.face_check_required", 403, "请先完成人脸识别验证");
    public static readonly ErrorCode ApiKeyInvalid = new("auth.api_key_invalid", 401, "接口密钥无效");
    public static readonly ErrorCode ImportKindUnknown = new("imports.kind_unknown", 404, "不支持的数据类型");
    public static readonly ErrorCode ImportNotFound = new("imports.not_found", 404, "导入记录不存在");
    public static readonly ErrorCode ImportSecondApproverRequired = new("imports.second_approver_required", 409, "导入须由另一名工作人员审批");
    public static readonly ErrorCode ImportNotPending = new("imports.not_pending", 409, "该导入已处理");
    public static readonly ErrorCode AppealNotFound = new("appeals.not_found", 404, "申诉不存在");
    public static readonly ErrorCode AppealClosed = new("appeals.closed", 409, "申诉已处理");
    public static readonly ErrorCode OverrideNotFound = new("overrides.not_found", 404, "人工赋码申请不存在");
    public static readonly ErrorCode OverrideReasonUnknown = new("overrides.reason_unknown", 400, "赋码依据不在规则范围内");
    public static readonly ErrorCode OverrideSecondApproverRequired = new("overrides.second_approver_required", 409, "人工赋码须由另一名工作人员复核");
    public static readonly ErrorCode OverrideNotPending = new("overrides.not_pending", 409, "该人工赋码申请已处理");
    public static readonly ErrorCode IssuerKeysUnavailable = new("codes.issuer_keys_unavailable", 503, "第三方码发码方的验证密钥暂不可用，请稍后再试");
    public static readonly ErrorCode NoticeNotFound = new("notices.not_found", 404, "消息不存在");

    /// <summary>What the API key scheme answers before a handler runs (no key, an unknown key, a key without the role).</summary>
    public static readonly IReadOnlyList<ErrorCode> ApiKeyChallenge = [CommonErrors.Unauthorized, ApiKeyInvalid, CommonErrors.Forbidden];
    /// <summary>Showing a code: a declaration first, and a recent face check where configured.</summary>
    public static readonly IReadOnlyList<ErrorCode> ShowCode = [DeclarationRequired, FaceCheckRequired];
}
