using System.ComponentModel.DataAnnotations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes;

/// <summary>Section <c>MiniCode:HealthCodes</c>: code lifetimes, limits and the look of each colour.</summary>
public sealed class HealthCodeOptions : ISectionOptions
{
    public static string Section => "MiniCode:HealthCodes";

    /// <summary>How long a live code shown on screen stays valid.</summary>
    [Range(10, 3600)]
    public int LiveCodeSeconds { get; set; } = 60;

    /// <summary>Verifications an authenticated verifier (scanner account or partner key) may make per minute, per node.</summary>
    [Range(1, 10_000_000)]
    public int VerifyPerMinute { get; set; } = 120;

    /// <summary>Codes a citizen may scan per minute (扫一扫, <c>POST /api/me/scan</c>), per node.</summary>
    [Range(1, 10_000)]
    public int CitizenScanPerMinute { get; set; } = 10;

    /// <summary>
    /// Verify requests one client address may send per minute, per node, counted before authentication (so random
    /// credentials open no fresh budget). Larger than <see cref="VerifyPerMinute"/>: scanners of one site share a NAT.
    /// </summary>
    [Range(1, 1_000_000)]
    public int VerifyPerAddressPerMinute { get; set; } = 1200;

    /// <summary>How often in-memory view / verification counters are written to the database.</summary>
    [Range(1, 3600)]
    public int CounterFlushSeconds { get; set; } = 30;

    /// <summary>PNG module size of <c>/api/me/code.png</c>.</summary>
    [Range(2, 40)]
    public int PngPixelsPerModule { get; set; } = 8;

    /// <summary>Largest attachment of an appeal (JPEG, PNG or PDF).</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxAppealAttachmentBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Dark module colours per code colour (#RRGGBB): dark enough for every scanner to read.</summary>
    [Required] public string GreenHex { get; set; } = "#1B7F3B";
    [Required] public string YellowHex { get; set; } = "#8A6D00";
    [Required] public string OrangeHex { get; set; } = "#B34700";
    [Required] public string RedHex { get; set; } = "#B00020";
    [Required] public string BackgroundHex { get; set; } = "#FFFFFF";
    /// <summary>Border of the code for fully vaccinated people (金边码).</summary>
    [Required] public string GoldBorderHex { get; set; } = "#D4AF37";

    public string HexOf(HealthColor color) => color switch
    {
        HealthColor.Red => RedHex,
        HealthColor.Orange => OrangeHex,
        HealthColor.Yellow => YellowHex,
        _ => GreenHex,
    };
}

/// <summary>Section <c>MiniCode:HealthCodes:FaceCheck</c> (一码通 亮码 flow).</summary>
public sealed class FaceCheckOptions : ISectionOptions
{
    public static string Section => "MiniCode:HealthCodes:FaceCheck";

    /// <summary>When on, showing a code needs a face check of the holder (the account's own person) for <see cref="Interval"/>.</summary>
    public bool Required { get; set; }

    /// <summary>How long one face check lasts: <c>Session</c> (the login session, 一码通 亮码), <c>Minutes</c>, or <c>EveryShowing</c>.</summary>
    public FaceCheckInterval Interval { get; set; } = FaceCheckInterval.Session;

    /// <summary>A face check never lasts longer than this (every interval), and lasts exactly this with <c>Minutes</c>.</summary>
    [Range(1, 100_000)]
    public int MaxAgeMinutes { get; set; } = 1440;
}

public enum FaceCheckInterval
{
    /// <summary>One face check per login session (a new login asks again).</summary>
    Session,
    /// <summary>One face check for <see cref="FaceCheckOptions.MaxAgeMinutes"/>, whatever the session.</summary>
    Minutes,
    /// <summary>Every showing of a code (each code, image or refresh) uses up one face check of the same session.</summary>
    EveryShowing,
}
