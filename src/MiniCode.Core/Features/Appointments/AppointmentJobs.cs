using MiniCode.Data;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.Jobs;

namespace MiniCode.Features.Appointments;

/// <summary>
/// The appointment lifecycle over time: the day-before reminder (a notice in the booker's inbox and on the platforms,
/// once per appointment) and no-shows (a booking still open when its slot has ended).
/// </summary>
public sealed class AppointmentLifecycle(MiniCodeDbContext db, NoticeDispatcher notices, IOptions<AppointmentsOptions> options, TimeProvider time, BusinessCalendar calendar)
{
    public const string ReminderKind = "appointment_reminder";

    /// <summary>Reminds the bookers of open appointments whose slot is on the next business calendar day.</summary>
    public async Task<int> SendRemindersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var tomorrow = calendar.StartOfDay(calendar.DayOf(now).AddDays(1));
        var dayAfter = calendar.StartOfDay(calendar.DayOf(now).AddDays(2));
        var due = await AppointmentSubject.From(db.Set<Appointment>().AsNoTracking()
                .Where(a => a.Status == AppointmentStatus.Booked && a.RemindedAt == null), db)
            .Where(x => x.Slot.StartsAt >= tomorrow && x.Slot.StartsAt < dayAfter)
            .OrderBy(x => x.Appointment.Id).Take(options.Value.JobBatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var x in due)
        {
            // Claimed first, so parallel or repeated runs remind once.
            var claimed = await db.Set<Appointment>().Where(a => a.Id == x.Appointment.Id && a.RemindedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.RemindedAt, now), ct);
            if (claimed == 0) continue;
            notices.Enqueue(new NoticeMessage(x.Appointment.BookerPersonId, ReminderKind, "预约提醒",
                $"您预约的“{x.Matter.Name}”将于{AppointmentSubject.SlotText(x.Slot, calendar)}在{x.Hall.Name}（{x.Hall.Address}）办理，请携带相关材料按时到场并出示预约码。", now));
            sent++;
        }
        await notices.FlushAsync(ct);
        return sent;
    }

    /// <summary>Records as no-shows the open bookings whose slot has ended.</summary>
    public Task<int> RecordNoShowsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ended = db.Set<AppointmentSlot>().Where(s => s.EndsAt <= now).Select(s => s.Id);
        var batch = db.Set<Appointment>().Where(a => a.Status == AppointmentStatus.Booked && ended.Contains(a.SlotId))
            .OrderBy(a => a.Id).Take(options.Value.JobBatchSize).Select(a => a.Id);
        return db.Set<Appointment>().Where(a => batch.Contains(a.Id) && a.Status == AppointmentStatus.Booked)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AppointmentStatus.NoShow).SetProperty(a => a.NoShowAt, now), ct);
    }

    /// <summary>Counter staff may mark an arrival from <see cref="AppointmentsOptions.ArrivalOpensBefore"/> before the slot until it ends.</summary>
    public bool ArrivalOpen(AppointmentSlot slot) => ArrivalOpen(slot, time.GetUtcNow(), options.Value);

    public static bool ArrivalOpen(AppointmentSlot slot, DateTimeOffset now, AppointmentsOptions o) =>
        now >= slot.StartsAt - o.ArrivalOpensBefore && now < slot.EndsAt;
}

/// <summary><c>send-appointment-reminders</c>: the day-before reminder.</summary>
public sealed class SendAppointmentRemindersJob(AppointmentLifecycle lifecycle) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => new(await lifecycle.SendRemindersAsync(cancellationToken));
}

/// <summary><c>record-appointment-no-shows</c>: bookings whose slot ended without an arrival.</summary>
public sealed class RecordAppointmentNoShowsJob(AppointmentLifecycle lifecycle) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => new(await lifecycle.RecordNoShowsAsync(cancellationToken));
}
