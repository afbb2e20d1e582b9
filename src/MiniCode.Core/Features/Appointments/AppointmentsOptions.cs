using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Appointments;

/// <summary>Section <c>MiniCode:Appointments</c> (码上预约).</summary>
public sealed class AppointmentsOptions : ISectionOptions
{
    public static string Section => "MiniCode:Appointments";

    /// <summary>A booking can be cancelled until this long before its slot starts.</summary>
    [TimeSpanRange("00:00:00", "7.00:00:00")]
    public TimeSpan CancelBefore { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many days ahead slots are offered to citizens.</summary>
    [Range(1, 90)]
    public int BookingDaysAhead { get; set; } = 14;

    /// <summary>Live bookings (not yet passed) one person may hold at once.</summary>
    [Range(1, 100)]
    public int MaxOpenPerPerson { get; set; } = 5;

    /// <summary>Counter staff may mark an arrival from this long before the slot starts (until it ends).</summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan ArrivalOpensBefore { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows per run of the reminder and no-show jobs.</summary>
    [Range(1, 100_000)]
    public int JobBatchSize { get; set; } = 1000;

    /// <summary>Module size of the appointment code PNG/SVG.</summary>
    [Range(2, 40)]
    public int PngPixelsPerModule { get; set; } = 10;
}
