using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Identity.Face;

/// <summary>
/// Who checks a face (实名核身). <c>WeChat</c> and <c>Alipay</c> both mean "the platform the caller uses": a WeChat
/// account verifies with WeChat 人脸核身, an Alipay account with Alipay 身份验证; the configured one wins for an account
/// that has both. <c>TencentCloud</c> is FaceID (慧眼) for every caller. <c>Simulator</c> takes <c>sim:</c> tokens and is
/// refused outside Development and Testing.
/// </summary>
public enum FaceProvider { Simulator, WeChat, Alipay, TencentCloud }

/// <summary>Section <c>Identity:Face</c>.</summary>
public sealed class FaceRules
{
    public const string ProviderSetting = "Identity:Face:Provider";

    /// <summary>Unset: the simulator when <c>MiniCode:Parts:Simulator</c> is on, otherwise none (503); required in Production.</summary>
    public FaceProvider? Provider { get; set; }
    /// <summary>How old a result may be when it is used: from WeChat's <c>finish_time</c>, or from the start of an Alipay / FaceID session.</summary>
    [TimeSpanRange("00:01:00", "1.00:00:00")]
    public TimeSpan MaxResultAge { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Retry-After sent when the provider is busy, slow or unreachable.</summary>
    [Range(1, 3600)] public int RetryAfterSeconds { get; set; } = 30;
    [ValidateObjectMembers] public AlipayFaceRules Alipay { get; set; } = new();
    [ValidateObjectMembers] public TencentFaceIdRules TencentCloud { get; set; } = new();
}

public sealed class AlipayFaceRules
{
    /// <summary><c>merchant_config.return_url</c> of <c>alipay.user.certify.open.initialize</c>: where Alipay returns after the face.</summary>
    public string ReturnUrl { get; set; } = "";
}

/// <summary>Tencent Cloud FaceID (慧眼) API 2018-03-01, signed TC3-HMAC-SHA256.</summary>
public sealed class TencentFaceIdRules
{
    [Required] public string Endpoint { get; set; } = "https://faceid.tencentcloudapi.com/";
    public string Region { get; set; } = "ap-guangzhou";
    public string SecretId { get; set; } = "";
    public string SecretKey { get; set; } = "";
    /// <summary>The business flow (RuleId) created in the FaceID console.</summary>
    public string RuleId { get; set; } = "";
    /// <summary>Optional RedirectUrl of <c>DetectAuth</c> (H5 flows; the mini-program SDK does not need it).</summary>
    public string RedirectUrl { get; set; } = "";
    [TimeSpanRange("00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
