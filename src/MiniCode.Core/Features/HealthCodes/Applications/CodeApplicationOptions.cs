using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes.Applications;

/// <summary>Section <c>MiniCode:HealthCodes:Applications</c>: registered code applications (码应用 / 扫码应用).</summary>
public sealed class CodeApplicationOptions : ISectionOptions
{
    public static string Section => "MiniCode:HealthCodes:Applications";

    /// <summary>How long a node trusts its cached copy of an application when a change signal was lost.</summary>
    [Range(1, 3600)]
    public int CacheSeconds { get; set; } = 60;

    /// <summary>Calls per minute and node a new application may make unless staff set another figure.</summary>
    [Range(1, 1_000_000)]
    public int DefaultPerMinute { get; set; } = 600;

    /// <summary>
    /// Development, Testing and Benchmark only (refused elsewhere): an application created or updated at start with this
    /// key, so the tests and <c>scripts/bench.sh</c> have a caller without the admin. Production applications are
    /// registered in the admin (码应用管理), which shows a key once.
    /// </summary>
    [ValidateObjectMembers]
    public BootstrapApplication Bootstrap { get; set; } = new();
}

public sealed class BootstrapApplication
{
    /// <summary>Empty: no bootstrap application.</summary>
    public string Key { get; set; } = "";
    [MaxLength(60)] public string Name { get; set; } = "bootstrap";
    /// <summary>Comma-separated 码分类 codes it may verify; empty: every built-in category.</summary>
    public string VerifyCategories { get; set; } = "";
    /// <summary>Comma-separated 码分类 codes it may generate through <c>POST /api/codes</c>.</summary>
    public string GenerateCategories { get; set; } = Signing.CodeCategories.Poster;
    [Range(1, 10_000_000)] public int PerMinute { get; set; } = 100_000;
}
