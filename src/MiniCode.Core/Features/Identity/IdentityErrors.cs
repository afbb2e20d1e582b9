using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Identity;

public static class IdentityErrors
{
    public static readonly ErrorCode SmsResendTooSoon = new("sms.resend_too_soon", 429, "验证码发送过于频繁，请稍后再试");
    public static readonly ErrorCode SmsDailyLimit = new("sms.daily_limit", 429, "该手机号今日获取验证码次数已达上限");
    public static readonly ErrorCode SmsIpLimit = new("sms.ip_limit", 429, "当前网络获取验证码过于频繁，请稍后再试");
    public static readonly ErrorCode SmsCodeInvalid = new("sms.code_invalid", 400, "验证码错误");
    public static readonly ErrorCode SmsCodeExpired = new("sms.code_expired", 400, "验证码已过期，请重新获取");
    public static readonly ErrorCode SmsTooManyAttempts = new("sms.too_many_attempts", 400, "验证码错误次数过多，请重新获取");
    public static readonly ErrorCode PhoneInUse = new("identity.phone_in_use", 409, "该手机号已绑定其他账号");
    public static readonly ErrorCode PhoneRegistered = new("identity.phone_registered", 409, "该手机号已注册，请直接登录或找回密码");
    public static readonly ErrorCode UsernameTaken = new("identity.username_taken", 409, "该用户名已被使用");
    public static readonly ErrorCode AccountDisabled = new("identity.account_disabled", 403, "账号已停用或已注销");
    public static readonly ErrorCode AccountNotFound = new("identity.account_not_found", 404, "该手机号未注册");
    public static readonly ErrorCode CredentialsInvalid = new("identity.credentials_invalid", 401, "账号或密码错误");
    public static readonly ErrorCode AccountLocked = new("identity.account_locked", 429, "密码错误次数过多，账号已临时锁定，请稍后再试或通过短信找回密码");
    public static readonly ErrorCode PasswordWrong = new("identity.password_wrong", 400, "当前密码错误");
    public static readonly ErrorCode AlreadyVerified = new("identity.already_verified", 409, "已完成实名认证");
    public static readonly ErrorCode DocumentInUse = new("identity.document_in_use", 409, "该证件已被其他账号实名认证");
    public static readonly ErrorCode PhoneBoundElsewhere = new("identity.phone_bound_elsewhere", 409, "该手机号已绑定另一个账号，请使用该账号的登录方式登录");
    public static readonly ErrorCode LoginInUse = new("identity.login_in_use", 409, "该登录方式已属于另一个账号");
    public static readonly ErrorCode LoginAlreadyLinked = new("identity.login_already_linked", 409, "已绑定该类登录方式，请先解绑");
    public static readonly ErrorCode LoginNotLinked = new("identity.login_not_linked", 404, "未绑定该登录方式");
    public static readonly ErrorCode LastLogin = new("identity.last_login", 409, "这是账号唯一的登录方式，不能解绑");
    public static readonly ErrorCode LoginProofInvalid = new("identity.login_proof_invalid", 400, "凭证与要解绑的登录方式不符");
    public static readonly ErrorCode NameMismatch = new("identity.name_mismatch", 400, "姓名与证件登记信息不一致");
    public static readonly ErrorCode FaceMismatch = new("identity.face_mismatch", 400, "人脸核验未通过，请本人重新核验");
    public static readonly ErrorCode FaceUnavailable = new("identity.face_unavailable", 503, "人脸核验服务暂不可用，请稍后再试");
    public static readonly ErrorCode FaceExpired = new("identity.face_expired", 400, "人脸核验结果已过期，请重新核验");
    public static readonly ErrorCode FaceReused = new("identity.face_reused", 400, "该人脸核验结果已使用，请重新核验");
    public static readonly ErrorCode FaceDocumentUnsupported = new("identity.face_document_unsupported", 400, "该证件类型暂不支持线上人脸核验，请使用居民身份证");
    public static readonly ErrorCode ConsentWithdrawn = new("identity.consent_withdrawn", 409, "您已撤回该项个人信息处理同意，重新同意后方可使用");
    public static readonly ErrorCode ConsentNotFound = new("identity.consent_not_found", 404, "没有可撤回的同意");
    public static readonly ErrorCode FacePlatformRequired = new("identity.face_platform_required", 409, "请在微信或支付宝小程序中完成人脸核验");

    /// <summary>Using up an SMS code.</summary>
    public static readonly IReadOnlyList<ErrorCode> SmsCode = [SmsCodeInvalid, SmsCodeExpired, SmsTooManyAttempts];
    /// <summary>Sending one: our own limits, then the provider's trouble.</summary>
    public static readonly IReadOnlyList<ErrorCode> SmsSend = [SmsResendTooSoon, SmsDailyLimit, SmsIpLimit, .. Platform.Sms.SmsErrors.Trouble];
    /// <summary>Accepting a face result (<c>FaceVerificationService.VerifyAsync</c>).</summary>
    public static readonly IReadOnlyList<ErrorCode> Face = [FaceMismatch, FaceUnavailable, FaceExpired, FaceReused, FaceDocumentUnsupported, FacePlatformRequired];
    /// <summary>Linking a person to the account (<c>RealNameService.LinkPersonAsync</c>).</summary>
    public static readonly IReadOnlyList<ErrorCode> RealName = [AlreadyVerified, DocumentInUse, NameMismatch, .. Face];
}
