using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Appointments;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Appointments;

/// <summary>预约记录: the bookings of one hall on one day, attendees masked, with their arrival status.</summary>
[RequirePermission(Permissions.Appointments)]
public sealed class DayModel() : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public long HallId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    /// <summary>码编号 of a 预约码: that booking of the hall on whatever day.</summary>
    [BindProperty(SupportsGet = true)] public string? CodeNumber { get; set; }
    public AppointmentHall Hall { get; private set; } = null!;
    public DateOnly Day { get; private set; }
    public IReadOnlyList<AppointmentSubject> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var hall = await Within.AppointmentHalls.AsNoTracking().SingleOrDefaultAsync(h => h.Id == HallId, ct);
        if (hall is null) return NotFound();
        Hall = hall;
        Day = Date ?? Calendar.Today();
        var (from, to) = (LocalMidnight(Day), LocalMidnight(Day.AddDays(1)));
        var bookings = Within.Appointments.AsNoTracking().Where(a => a.HallId == HallId);
        var number = CodeNumber?.Trim().ToUpperInvariant();
        var found = AppointmentSubject.From(string.IsNullOrEmpty(number) ? bookings : bookings.Where(a => a.CodeNumber == number), Db);
        Rows = await (string.IsNullOrEmpty(number) ? found.Where(x => x.Slot.StartsAt >= from && x.Slot.StartsAt < to) : found)
            .OrderBy(x => x.Slot.StartsAt).ThenBy(x => x.Appointment.Id).Take(2000).ToListAsync(ct);
        return Page();
    }

    public int Count(AppointmentStatus status) => Rows.Count(r => r.Appointment.Status == status);

    public string Local(DateTimeOffset at) => Calendar.Format(at, "HH:mm");
}
