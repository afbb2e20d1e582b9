using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Households;

public static class HouseholdsErrors
{
    public static readonly ErrorCode RelativeNotFound = new("relatives.not_found", 404, "亲友不存在");
    public static readonly ErrorCode RelativeLimit = new("relatives.limit_reached", 409, "亲友数量已达上限");
    public static readonly ErrorCode RelativeExists = new("relatives.already_added", 409, "该亲友已添加");
    public static readonly ErrorCode RelativeIsSelf = new("relatives.self", 400, "不能将本人添加为亲友");
    public static readonly ErrorCode RelativeDeleteTooSoon = new("relatives.delete_too_soon", 409, "亲友添加后须等待一段时间才能删除");
    public static readonly ErrorCode ConsentRequired = new("relatives.consent_required", 400, "须取得亲友本人或其监护人的同意");
    public static readonly ErrorCode ProofRequired = new("relatives.proof_required", 403, "须经亲友本人短信验证或人脸核验后才能查看或修改其本人的信息");
    public static readonly ErrorCode ConsentPhoneMismatch = new("relatives.consent_phone_mismatch", 400, "该手机号不是亲友本人账号绑定的手机号，请改用亲友本人人脸核验");
    public static readonly ErrorCode RelativeBusy = new("relatives.busy", 409, "操作冲突，请稍后重试");

    public static readonly ErrorCode PortraitNotFound = new("portraits.not_found", 404, "尚未上传人像照片");
    public static readonly ErrorCode PortraitTooYoung = new("portraits.too_young", 403, "未达到年龄要求，不支持人像照片");
    public static readonly ErrorCode PortraitAttemptsExceeded = new("portraits.attempts_exceeded", 429, "今日采集或上传次数已达上限，请明天再试");
    public static readonly ErrorCode PortraitChangeTooSoon = new("portraits.change_too_soon", 409, "人像照片更换过于频繁，请稍后再试");
    public static readonly ErrorCode PortraitUploadRequired = new("portraits.upload_required", 409, "人像照片关闭时间过长，请重新上传");
    public static readonly ErrorCode PortraitInvalid = new("portraits.invalid_image", 400, "照片须为JPEG或PNG格式且尺寸合适");
    public static readonly ErrorCode PortraitTooLarge = new("portraits.too_large", 413, "照片文件过大");
    public static readonly ErrorCode PortraitSourceUnavailable = new("portraits.source_unavailable", 503, "权威人像数据源暂不可用，请稍后再试或上传照片");
    public static readonly ErrorCode PortraitSourceNotFound = new("portraits.source_not_found", 404, "权威数据源中没有该人员的照片，请上传照片");
    public static readonly ErrorCode PortraitReferenceInvalid = new("portraits.reference_invalid", 404, "人像链接无效或已过期");

    public static readonly ErrorCode CardNotFound = new("offline_cards.not_found", 404, "离线码不存在");
    public static readonly ErrorCode CardExpired = new("offline_cards.expired", 410, "离线码已过期或已失效，请重新申领");

    /// <summary>Taking a new photo (upload or authoritative source): age, change interval, daily attempts.</summary>
    public static readonly IReadOnlyList<ErrorCode> PortraitCapture = [PortraitTooYoung, PortraitChangeTooSoon, PortraitAttemptsExceeded];
}
