using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Licences;

/// <summary>Section <c>MiniCode:Licences</c> (电子证照).</summary>
public sealed class LicenceOptions : ISectionOptions
{
    public static string Section => "MiniCode:Licences";

    /// <summary>Lifetime of a shown licence code (出示证照), in seconds.</summary>
    [Range(30, 600)]
    public int CodeLifetimeSeconds { get; set; } = 120;

    /// <summary>Module size of <c>code.png</c> and <c>code.svg</c>.</summary>
    [Range(2, 40)]
    public int PngPixelsPerModule { get; set; } = 8;

    /// <summary>Licences one person may hold bound at the same time (one per type in any case).</summary>
    [Range(1, 100)]
    public int MaxPerPerson { get; set; } = 20;

    /// <summary>The e-licence gateway (电子证照共享服务) that authorises every licence type.</summary>
    [Required, ValidateObjectMembers]
    public LicenceIssuerOptions Issuer { get; set; } = new();
}

/// <summary>
/// Section <c>MiniCode:Licences:Issuer</c>: where the e-licence gateway is and the app key it gave us. Requests are signed
/// HMAC-SHA256 with <see cref="AppSecret"/> (README, "E-licences": the wire).
/// </summary>
public sealed class LicenceIssuerOptions
{
    public const string BaseUrlSetting = "MiniCode:Licences:Issuer:BaseUrl";
    public const string AppKeySetting = "MiniCode:Licences:Issuer:AppKey";
    public const string AppSecretSetting = "MiniCode:Licences:Issuer:AppSecret";

    /// <summary>Base URL of the gateway's API; the simulator's in Development (<c>/simulator/licences/</c>).</summary>
    [Required]
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080/simulator/licences/";

    public string AppKey { get; set; } = "";

    public string AppSecret { get; set; } = "";

    [TimeSpanRange("00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Retry-After of the 503 answered while the gateway is unreachable or busy.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>How far the gateway's clock and ours may differ; the simulator refuses older timestamps.</summary>
    [Range(30, 3600)]
    public int MaxClockSkewSeconds { get; set; } = 300;
}
