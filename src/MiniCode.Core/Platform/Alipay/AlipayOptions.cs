using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Platform.Alipay;

/// <summary>
/// Section <c>Alipay</c>. Keys are base64 DER: <c>AppPrivateKey</c> PKCS#8, <c>AlipayPublicKey</c> SubjectPublicKeyInfo,
/// <c>AesKey</c> the 16-byte content key for <c>my.getPhoneNumber</c>. In development they are generated under
/// MiniCode:KeysPath, the Alipay public key being the simulator's.
/// </summary>
public sealed class AlipayOptions : ISectionOptions
{
    public static string Section => "Alipay";
    public const string AppPrivateKeySetting = "Alipay:AppPrivateKey";
    public const string AlipayPublicKeySetting = "Alipay:AlipayPublicKey";
    public const string AesKeySetting = "Alipay:AesKey";

    public string AppId { get; set; } = "";
    [Required] public string GatewayUrl { get; set; } = "https://openapi.alipay.com/gateway.do";
    [TimeSpanRange("00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    [Range(1, 3600)] public int RetryAfterSeconds { get; set; } = 30;
}
