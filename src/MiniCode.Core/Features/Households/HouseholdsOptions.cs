using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Households;

/// <summary>Section <c>MiniCode:Households:Relatives</c> (亲友健康码).</summary>
public sealed class RelativesOptions : ISectionOptions
{
    public static string Section => "MiniCode:Households:Relatives";

    /// <summary>Relatives one holder may keep at the same time.</summary>
    [Range(1, 100)]
    public int MaxPerHolder { get; set; } = 13;

    /// <summary>A relative can be deleted only this long after being added.</summary>
    [Range(0, 24 * 365)]
    public int DeleteAfterHours { get; set; } = 24;

    /// <summary>Relatives younger than this (whole years) may skip face verification.</summary>
    [Range(0, 150)]
    public int FaceExemptUnderAge { get; set; } = 16;

    /// <summary>Relatives older than this (whole years) may skip face verification.</summary>
    [Range(0, 150)]
    public int FaceExemptOverAge { get; set; } = 65;

    /// <summary>Below this age the guardian consents (PIPL: children under 14), otherwise the relative.</summary>
    [Range(0, 18)]
    public int GuardianConsentUnderAge { get; set; } = 14;
}

/// <summary>Section <c>MiniCode:Households:Portraits</c> (人像照片).</summary>
public sealed class PortraitOptions : ISectionOptions
{
    public static string Section => "MiniCode:Households:Portraits";

    [Range(1024, 20 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Smallest and largest accepted width/height in pixels.</summary>
    [Range(1, 10_000)] public int MinDimension { get; set; } = 64;
    [Range(1, 20_000)] public int MaxDimension { get; set; } = 4096;

    /// <summary>Capture or upload attempts per person and (China) calendar day; rejected images count too.</summary>
    [Range(1, 100)]
    public int AttemptsPerDay { get; set; } = 3;

    /// <summary>A photo can be replaced once per this many days.</summary>
    [Range(0, 365)]
    public int ChangeIntervalDays { get; set; } = 14;

    /// <summary>No portraits for people younger than this (whole years).</summary>
    [Range(0, 150)]
    public int MinAge { get; set; } = 16;

    /// <summary>A photo switched off for longer than this must be uploaded again.</summary>
    [Range(1, 365)]
    public int MaxDaysOff { get; set; } = 14;

    /// <summary>Lifetime of the signed portrait reference a verifier receives with a valid code.</summary>
    [Range(10, 3600)]
    public int ReferenceSeconds { get; set; } = 120;

    /// <summary>Folder of the file store; empty means <c>{MiniCode:DataPath}/portraits</c> (default data/portraits).</summary>
    public string? StorePath { get; set; }
}

/// <summary>Section <c>MiniCode:Households:OfflineCards</c> (爱心福码卡 / 离线码).</summary>
public sealed class OfflineCardOptions : ISectionOptions
{
    public static string Section => "MiniCode:Households:OfflineCards";

    /// <summary>Validity of a card; the signer caps it at the signing key's last day.</summary>
    [Range(1, 365)]
    public int ValidDays { get; set; } = 30;

    /// <summary>Width of the card PNG (A6 at 300 dpi is 1240).</summary>
    [Range(300, 5000)]
    public int PngWidthPixels { get; set; } = 1240;

    /// <summary>Title printed on the card.</summary>
    [Required, StringLength(30, MinimumLength = 1)]
    public string Title { get; set; } = "爱心福码卡 · 离线健康码";

    /// <summary>Folder of rendered card files; empty means <c>{MiniCode:DataPath}/offline-cards</c>.</summary>
    public string? CachePath { get; set; }
}

/// <summary>Folders of household files: the configured one, else a sub-folder of <c>MiniCode:DataPath</c> (default <c>data</c>).</summary>
internal static class HouseholdFolders
{
    public static string Resolve(IConfiguration configuration, string? configured, string folder) =>
        configured is { Length: > 0 } p ? p
        : Path.Combine(configuration["MiniCode:DataPath"] is { Length: > 0 } d ? d : "data", folder);
}
