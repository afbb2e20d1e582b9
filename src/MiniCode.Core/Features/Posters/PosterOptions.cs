using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Posters;

/// <summary>Section <c>MiniCode:Posters</c>: poster codes (张贴码) and venue check-in.</summary>
public sealed class PosterOptions : ISectionOptions
{
    public static string Section => "MiniCode:Posters";

    /// <summary>Validity of a printed poster's signed payload (capped at the signing key's last day); rotate to renew.</summary>
    [Range(1, 3650)]
    public int PayloadLifetimeDays { get; set; } = 365;

    /// <summary>After a rotation the previous poster keeps working this long (time to put up the new print).</summary>
    [TimeSpanRange("00:00:00", "30.00:00:00")]
    public TimeSpan RotationGrace { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Scans of the same venue by the same person within this window (from the first scan) are one check-in.</summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan CollapseWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Check-ins older than this are purged by the <c>purge-check-ins</c> job (shown to citizens).</summary>
    [Range(1, 365)]
    public int RetentionDays { get; set; } = 28;

    [Range(1, 1000)]
    public int MaxPostersPerOwner { get; set; } = 100;

    /// <summary>Largest number of posters in one bulk PDF.</summary>
    [Range(1, 500)]
    public int MaxPostersPerPdf { get; set; } = 50;

    [Range(2, 40)]
    public int PngPixelsPerModule { get; set; } = 10;

    /// <summary>Mini-program page that handles a scanned WeChat/Alipay poster code (reads <c>scene</c>).</summary>
    [Required]
    public string MiniProgramPage { get; set; } = "pages/check-in/index";

    /// <summary><c>env_version</c> of getwxacodeunlimit: release, trial or develop.</summary>
    [Required, RegularExpression("^(release|trial|develop)$")]
    public string WeChatEnvVersion { get; set; } = "release";

    [Range(280, 1280)]
    public int WeChatCodeWidth { get; set; } = 430;

    /// <summary>Rendered PNG/SVG/PDF files are kept in memory this long after their last use.</summary>
    [TimeSpanRange("00:00:01", "7.00:00:00")]
    public TimeSpan RenderCacheSliding { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 4096)]
    public int RenderCacheMegabytes { get; set; } = 64;

    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;
}
