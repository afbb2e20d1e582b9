using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Staff;

/// <summary>Section <c>Admin</c>: the back office's login rules and the first super-admin.</summary>
public sealed class AdminOptions : ISectionOptions
{
    public static string Section => "Admin";
    /// <summary>Used outside Production when <see cref="BootstrapUser"/> is not configured (documented in README).</summary>
    public const string DevelopmentUser = "admin";
    public const string DevelopmentPassword = "Admin@123456";

    /// <summary>Username of the super-admin created at start-up when no staff account exists yet.</summary>
    public string? BootstrapUser { get; set; }
    public string? BootstrapPassword { get; set; }

    /// <summary>Signed-in staff are logged out after this much inactivity.</summary>
    [Range(1, 24 * 60)] public int IdleTimeoutMinutes { get; set; } = 30;
    /// <summary>…and after this long in any case.</summary>
    [Range(1, 72)] public int AbsoluteTimeoutHours { get; set; } = 8;
    /// <summary>Wrong passwords in a row from one client address before that address is blocked for the account (LockoutMinutes).</summary>
    [Range(1, 100)] public int MaxFailedLogins { get; set; } = 5;
    /// <summary>Wrong passwords from all addresses together before the account itself locks (many addresses guessing).</summary>
    [Range(1, 10_000)] public int MaxFailedLoginsAllAddresses { get; set; } = 50;
    [Range(1, 24 * 60)] public int LockoutMinutes { get; set; } = 15;
    [Range(8, 128)] public int MinPasswordLength { get; set; } = 8;
    /// <summary>Rows per page in admin lists.</summary>
    [Range(5, 500)] public int PageSize { get; set; } = 20;
}
