using MiniCode.Infrastructure.Errors;

namespace MiniCode.Platform.Alipay;

public static class AlipayErrors
{
    public static readonly ErrorCode CodeInvalid = new("alipay.code_invalid", 400, "支付宝授权码无效或已过期，请重新授权");
    public static readonly ErrorCode Busy = new("alipay.busy", 503, "支付宝系统繁忙，请稍后再试");
    public static readonly ErrorCode Timeout = new("alipay.timeout", 503, "支付宝服务响应超时，请稍后再试");
    public static readonly ErrorCode Unreachable = new("alipay.unreachable", 502, "暂时无法连接支付宝服务，请稍后再试");
    public static readonly ErrorCode BadSignature = new("alipay.bad_signature", 502, "支付宝响应验签失败，请稍后再试");
    public static readonly ErrorCode PhoneSignatureInvalid = new("alipay.phone_signature_invalid", 400, "手机号数据签名无效");
    public static readonly ErrorCode PhoneDecryptFailed = new("alipay.phone_decrypt_failed", 400, "手机号数据无法解密");
    public static readonly ErrorCode Failed = new("alipay.error", 502, "支付宝服务返回错误，请稍后再试");

    /// <summary>Platform trouble any Alipay gateway call can end in (declared on the endpoints that call Alipay).</summary>
    public static readonly IReadOnlyList<ErrorCode> Trouble = [Busy, Timeout, Unreachable, BadSignature, Failed];

    /// <summary>Maps <c>code</c>/<c>sub_code</c> of an error response.</summary>
    public static ErrorCode For(string? code, string? subCode) => (code, subCode) switch
    {
        (_, "isv.code-invalid" or "isv.invalid-auth-code" or "isv.refresh-token-invalid") => CodeInvalid,
        ("20000" or "20001", _) => Busy,
        (_, "aop.ACQ.SYSTEM_ERROR" or "isp.unknow-error") => Busy,
        _ => Failed,
    };

    public static PlatformFailures Failures(AlipayOptions o) => new(Timeout, Unreachable, o.RetryAfterSeconds);
}
