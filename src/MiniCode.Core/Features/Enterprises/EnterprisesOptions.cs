using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Enterprises;

/// <summary>Section <c>MiniCode:Enterprises</c> (企业码).</summary>
public sealed class EnterprisesOptions : ISectionOptions
{
    public static string Section => "MiniCode:Enterprises";

    /// <summary>Lifetime of a shown enterprise code.</summary>
    [Range(30, 600)]
    public int CodeSeconds { get; set; } = 120;

    /// <summary>Enterprises one person may be bound to at the same time.</summary>
    [Range(1, 100)]
    public int MaxBindingsPerPerson { get; set; } = 10;

    /// <summary>Module size of the enterprise code PNG/SVG.</summary>
    [Range(2, 40)]
    public int PngPixelsPerModule { get; set; } = 10;

    [ValidateObjectMembers]
    public EnterpriseRegistryOptions Registry { get; set; } = new();
}

/// <summary>
/// <c>MiniCode:Enterprises:Registry</c>: the enterprise registry's verification service (企业身份核验), the wire of
/// <see cref="Platform.EnterpriseRegistry.EnterpriseRegistryClient"/>; in Development the simulator at <c>/simulator/enterprise/</c>.
/// </summary>
public sealed class EnterpriseRegistryOptions
{
    public const string EndpointSetting = "MiniCode:Enterprises:Registry:Endpoint", AppIdSetting = "MiniCode:Enterprises:Registry:AppId",
        AppSecretSetting = "MiniCode:Enterprises:Registry:AppSecret";

    public string Endpoint { get; set; } = "";
    public string AppId { get; set; } = "";
    public string AppSecret { get; set; } = "";

    [TimeSpanRange("00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retry-After sent when the registry is unreachable and did not say how long.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 30;
}
