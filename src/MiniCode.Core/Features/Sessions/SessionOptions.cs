using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Sessions;

/// <summary>Section <c>Sessions</c>.</summary>
public sealed class SessionOptions : ISectionOptions
{
    public static string Section => "Sessions";

    /// <summary>A session unused for this long ends.</summary>
    [TimeSpanRange("00:01:00", "365.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A session ends this long after login, however active.</summary>
    [TimeSpanRange("00:05:00", "365.00:00:00")]
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Absolute and idle lifetime when the user chose "stay logged in" (保持登录 365 天).</summary>
    [TimeSpanRange("1.00:00:00", "400.00:00:00")]
    public TimeSpan StayLoggedInTimeout { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Last-seen is written at most this often per session, to keep hot read paths free of writes.</summary>
    public TimeSpan TouchInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Noted last-seen times are written in batches this often (seconds); see <see cref="SessionTouches"/>.</summary>
    [Range(1, 300)] public int TouchFlushSeconds { get; set; } = 5;
}
