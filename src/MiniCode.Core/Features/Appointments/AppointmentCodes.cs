using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Rendering;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Features.Appointments;

/// <summary>预约码: a signed MC1 code of type appointment (subjectId = the appointment's id) that lives until its slot ends.</summary>
public sealed class AppointmentCodeService(MiniCodeDbContext db, CodeSigner signer, CodeUsageCounters counters, ServiceCodeMarks marks,
    IOptions<AppointmentsOptions> options, TimeProvider time)
{
    public async Task<AppointmentCodeView> ShowAsync(long personId, long id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var row = await (from a in db.Set<Appointment>().AsNoTracking().Where(a => a.Id == id && a.BookerPersonId == personId)
                join s in db.Set<AppointmentSlot>() on a.SlotId equals s.Id
                join h in db.Set<AppointmentHall>() on a.HallId equals h.Id
                select new { a.Status, a.CodeNumber, s.EndsAt, h.RegionCode }).FirstOrDefaultAsync(ct)
            ?? throw new ApiException(AppointmentsErrors.NotFound);
        if (row.Status is not (AppointmentStatus.Booked or AppointmentStatus.Arrived) || row.EndsAt <= now) throw new ApiException(AppointmentsErrors.NotActive);
        var (text, claims) = signer.Sign(CodeType.Appointment, id, null, now, row.EndsAt - now);
        counters.Increment(CodeType.Appointment, row.RegionCode, CodeUsage.Shown);
        var number = await marks.NumberAsync<Appointment>(db, CodeCategories.Appointment, id, row.CodeNumber, row.RegionCode, ct);
        return new AppointmentCodeView(id, text, claims.IssuedAt, claims.ExpiresAt, number, await marks.StyleAsync(CodeCategories.Appointment, ct));
    }

    public byte[] Png(AppointmentCodeView code) => marks.Png(code, options.Value.PngPixelsPerModule);

    public string Svg(AppointmentCodeView code) => marks.Svg(code, options.Value.PngPixelsPerModule);
}

/// <summary>
/// What <c>POST /api/codes/verify</c> answers for an appointment code: attendee (masked), matter, hall, slot and state.
/// Booked and arrived appointments are live; cancelled and no-show ones verify as revoked (the subject still shows why).
/// </summary>
public sealed class AppointmentCodeCheck(MiniCodeDbContext db, BusinessCalendar calendar) : ISubjectCodeCheck
{
    public CodeType Type => CodeType.Appointment;

    public async Task<SubjectCodeState> CheckAsync(CodeClaims claims, CancellationToken cancellationToken)
    {
        var id = checked((long)claims.SubjectId);
        var row = await AppointmentSubject.Query(db, id).FirstOrDefaultAsync(cancellationToken);
        if (row is null) return new SubjectCodeState(false, null, null);
        return new SubjectCodeState(row.Appointment.Status is AppointmentStatus.Booked or AppointmentStatus.Arrived, row.Hall.RegionCode, row.View(calendar));
    }
}

/// <summary>An appointment with its slot, hall and matter, as counters see it.</summary>
public sealed class AppointmentSubject
{
    public Appointment Appointment { get; init; } = null!;
    public AppointmentSlot Slot { get; init; } = null!;
    public AppointmentHall Hall { get; init; } = null!;
    public AppointmentMatter Matter { get; init; } = null!;

    public static IQueryable<AppointmentSubject> Query(MiniCodeDbContext db, long appointmentId) =>
        From(db.Set<Appointment>().AsNoTracking().Where(a => a.Id == appointmentId), db);

    public static IQueryable<AppointmentSubject> From(IQueryable<Appointment> appointments, MiniCodeDbContext db) =>
        from a in appointments
        join s in db.Set<AppointmentSlot>() on a.SlotId equals s.Id
        join h in db.Set<AppointmentHall>() on a.HallId equals h.Id
        join m in db.Set<AppointmentMatter>() on a.MatterId equals m.Id
        select new AppointmentSubject { Appointment = a, Slot = s, Hall = h, Matter = m };

    public CodeSubjectView View(BusinessCalendar calendar) => new(Matter.Name, SensitiveDataMasker.MaskName(Appointment.AttendeeName), BookingService.StatusName(Appointment.Status),
        Slot.StartsAt, Slot.EndsAt,
        [
            new("matter", "预约事项", Matter.Name),
            new("hall", "预约大厅", Hall.Name),
            new("address", "大厅地址", Hall.Address),
            new("slot", "预约时段", SlotText(Slot, calendar)),
            new("attendeeIdNumber", "证件号码", Appointment.AttendeeDocumentMasked),
            new("status", "预约状态", StatusLabel(Appointment.Status)),
        ]);

    public static string StatusLabel(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "已预约",
        AppointmentStatus.Cancelled => "已取消",
        AppointmentStatus.Arrived => "已到场",
        _ => "未到场（爽约）",
    };

    /// <summary>2026-11-23 09:00-09:30 in the business zone.</summary>
    public static string SlotText(AppointmentSlot slot, BusinessCalendar calendar) =>
        calendar.Format(slot.StartsAt) + "-" + calendar.Format(slot.EndsAt, "HH:mm");
}
