using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Concurrency;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Appointments;

/// <summary>
/// 码上预约 for citizens: the catalogue (matters → halls → slots with what remains), booking, 预约信息 and cancelling.
/// A booking takes a place with one conditional update (<c>booked &lt; capacity</c>, slot not started) inside the
/// transaction that inserts it, so parallel bookings never exceed the capacity; the attendee's lock and the unique index
/// keep one live booking per attendee and slot.
/// </summary>
public sealed class BookingService(MiniCodeDbContext db, PersonalDataProtector protector, RealNameService realNames, IContactLookup contacts,
    KeyedLocks locks, IOptions<AppointmentsOptions> options, TimeProvider time, BusinessCalendar calendar)
{
    public async Task<IReadOnlyList<MatterView>> MattersAsync(CancellationToken ct) =>
        await db.Set<AppointmentMatter>().AsNoTracking().Where(m => m.Active).OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new MatterView(m.Id, m.Name, m.Description)).ToListAsync(ct);

    public async Task<IReadOnlyList<HallView>> HallsForAsync(long matterId, CancellationToken ct)
    {
        if (!await db.Set<AppointmentMatter>().AnyAsync(m => m.Id == matterId && m.Active, ct)) throw new ApiException(AppointmentsErrors.MatterNotFound);
        return await db.Set<AppointmentHall>().AsNoTracking().Where(h => h.Active && h.Matters.Any(m => m.MatterId == matterId))
            .OrderBy(h => h.RegionCode).ThenBy(h => h.Name)
            .Select(h => new HallView(h.Id, h.Name, h.Address, h.RegionCode, h.OpeningHours)).ToListAsync(ct);
    }

    /// <summary>Slots not yet started within the booking window, from the business calendar day <paramref name="query"/> names.</summary>
    public async Task<IReadOnlyList<SlotView>> SlotsAsync(long hallId, SlotQuery query, CancellationToken ct)
    {
        if (!await db.Set<AppointmentHall>().AnyAsync(h => h.Id == hallId && h.Active, ct)) throw new ApiException(AppointmentsErrors.HallNotFound);
        var now = time.GetUtcNow();
        var from = query.From is { } day ? DayStart(day) : now;
        if (from < now) from = now;
        var until = DayStart((query.From ?? calendar.DayOf(now)).AddDays(query.Days ?? 7));
        var windowEnd = BookingWindowEnd(now);
        if (until > windowEnd) until = windowEnd;
        return await db.Set<AppointmentSlot>().AsNoTracking().Where(s => s.HallId == hallId && s.StartsAt > from && s.StartsAt < until)
            .OrderBy(s => s.StartsAt).Select(s => new SlotView(s.Id, s.StartsAt, s.EndsAt, s.Capacity, s.Capacity - s.Booked)).ToListAsync(ct);
    }

    public async Task<AppointmentView> BookAsync(long accountId, long personId, BookRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        var slot = await db.Set<AppointmentSlot>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SlotId, ct)
            ?? throw new ApiException(AppointmentsErrors.SlotNotFound);
        var hallOffers = await db.Set<AppointmentHall>().Where(h => h.Id == slot.HallId && h.Active)
            .Select(h => (bool?)h.Matters.Any(m => m.MatterId == request.MatterId)).FirstOrDefaultAsync(ct)
            ?? throw new ApiException(AppointmentsErrors.SlotNotFound);
        if (!await db.Set<AppointmentMatter>().AnyAsync(m => m.Id == request.MatterId && m.Active, ct)) throw new ApiException(AppointmentsErrors.MatterNotFound);
        if (!hallOffers) throw new ApiException(AppointmentsErrors.MatterNotOffered);
        if (slot.StartsAt <= now) throw new ApiException(AppointmentsErrors.SlotPast);
        if (slot.StartsAt >= BookingWindowEnd(now)) throw new ApiException(AppointmentsErrors.SlotNotOpen);

        var attendee = await AttendeeAsync(personId, request.ContactId is { } contactId ? await ContactAsync(accountId, personId, contactId, ct) : request.Attendee, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Serialises the same attendee's bookings (any slot) across nodes: the double-booking and open-limit checks hold.
        await using var held = await locks.AcquireAsync(db, "appointment-attendee:" + attendee.DocumentIndex, ct);
        var open = db.Set<Appointment>().Where(a => a.Status == AppointmentStatus.Booked && a.AttendeeDocumentIndex == attendee.DocumentIndex);
        if (await open.AnyAsync(a => a.SlotId == slot.Id, ct)) throw new ApiException(AppointmentsErrors.AlreadyBooked);
        if (await open.CountAsync(a => db.Set<AppointmentSlot>().Any(s => s.Id == a.SlotId && s.EndsAt > now), ct) >= o.MaxOpenPerPerson)
            throw new ApiException(AppointmentsErrors.LimitReached);

        // The one place a seat is taken: atomic, so the capacity holds whatever runs in parallel.
        var taken = await db.Set<AppointmentSlot>().Where(s => s.Id == slot.Id && s.Booked < s.Capacity && s.StartsAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Booked, s => s.Booked + 1), ct);
        if (taken == 0) throw new ApiException(AppointmentsErrors.SlotFull);

        var appointment = new Appointment
        {
            SlotId = slot.Id, HallId = slot.HallId, MatterId = request.MatterId, BookerPersonId = personId,
            AttendeeName = attendee.Name, AttendeeDocumentCipher = attendee.DocumentCipher, AttendeeDocumentIndex = attendee.DocumentIndex,
            AttendeeDocumentMasked = attendee.DocumentMasked, AttendeePhoneCipher = attendee.Phone is { } p ? protector.Encrypt(p) : null,
            AttendeePhoneMasked = attendee.Phone is { } q ? SensitiveDataMasker.MaskPhone(q) : null,
            Status = AppointmentStatus.Booked, BookedAt = now,
        };
        db.Add(appointment);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetAsync(personId, appointment.Id, ct);
    }

    public async Task<IReadOnlyList<AppointmentView>> ListAsync(long personId, CancellationToken ct) =>
        (await Rows(db.Set<Appointment>().Where(a => a.BookerPersonId == personId), newestFirst: true).Take(200).ToListAsync(ct)).Select(View).ToList();

    public async Task<AppointmentView> GetAsync(long personId, long id, CancellationToken ct) =>
        await Rows(db.Set<Appointment>().Where(a => a.Id == id && a.BookerPersonId == personId)).FirstOrDefaultAsync(ct) is { } row
            ? View(row) : throw new ApiException(AppointmentsErrors.NotFound);

    /// <summary>取消预约: until <see cref="AppointmentsOptions.CancelBefore"/> before the slot; the seat goes back at once.</summary>
    public async Task<AppointmentView> CancelAsync(long personId, long id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var row = await db.Set<Appointment>().AsNoTracking().Where(a => a.Id == id && a.BookerPersonId == personId)
            .Join(db.Set<AppointmentSlot>(), a => a.SlotId, s => s.Id, (a, s) => new { a.Status, a.SlotId, s.StartsAt }).FirstOrDefaultAsync(ct)
            ?? throw new ApiException(AppointmentsErrors.NotFound);
        if (row.Status != AppointmentStatus.Booked) throw new ApiException(AppointmentsErrors.NotActive);
        if (now > row.StartsAt - options.Value.CancelBefore) throw new ApiException(AppointmentsErrors.CancelTooLate);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cancelled = await db.Set<Appointment>().Where(a => a.Id == id && a.Status == AppointmentStatus.Booked)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AppointmentStatus.Cancelled).SetProperty(a => a.CancelledAt, now), ct);
        if (cancelled == 0) throw new ApiException(AppointmentsErrors.NotActive);
        await db.Set<AppointmentSlot>().Where(s => s.Id == row.SlotId && s.Booked > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Booked, s => s.Booked - 1), ct);
        await tx.CommitAsync(ct);
        return await GetAsync(personId, id, ct);
    }

    private IQueryable<AppointmentSubject> Rows(IQueryable<Appointment> appointments, bool newestFirst = false)
    {
        var rows = AppointmentSubject.From(appointments.AsNoTracking(), db);
        return newestFirst ? rows.OrderByDescending(r => r.Slot.StartsAt).ThenByDescending(r => r.Appointment.Id) : rows;
    }

    private AppointmentView View(AppointmentSubject r)
    {
        var (a, s, h, m) = (r.Appointment, r.Slot, r.Hall, r.Matter);
        return new AppointmentView(a.Id, StatusName(a.Status), new MatterView(m.Id, m.Name, m.Description),
            new HallView(h.Id, h.Name, h.Address, h.RegionCode, h.OpeningHours), s.StartsAt, s.EndsAt,
            a.AttendeeName, a.AttendeeDocumentMasked, a.AttendeePhoneMasked, a.BookedAt,
            a.Status == AppointmentStatus.Booked ? s.StartsAt - options.Value.CancelBefore : null, a.CancelledAt, a.ArrivedAt);
    }

    public static string StatusName(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "booked",
        AppointmentStatus.Cancelled => "cancelled",
        AppointmentStatus.Arrived => "arrived",
        _ => "noShow",
    };

    private sealed record Attendee(string Name, string DocumentCipher, string DocumentIndex, string DocumentMasked, string? Phone);

    /// <summary>The caller's own person, or the person named in the request (its document encrypted and blind-indexed).</summary>
    private async Task<Attendee> AttendeeAsync(long personId, AttendeeRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            var self = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == personId, ct);
            return new Attendee(self.Name, self.DocumentCipher, self.DocumentIndex, self.DocumentMasked, null);
        }
        var doc = realNames.ResidentIdOf(request.IdNumber);
        return new Attendee(request.Name!.Trim(), protector.Encrypt(doc.Number), protector.BlindIndex($"{DocumentType.ResidentId}:{doc.Number}"),
            SensitiveDataMasker.MaskIdNumber(doc.Number), PhoneNumbers.Normalise(request.Phone));
    }

    /// <summary>The caller's own contact as an attendee; another person's (or none) is refused like a wrong field.</summary>
    private async Task<AttendeeRequest> ContactAsync(long accountId, long personId, long contactId, CancellationToken ct)
    {
        var (contact, _) = await contacts.ResidentContactAsync(realNames, accountId, personId, contactId, ct);
        return new AttendeeRequest(contact.Name, contact.IdNumber, contact.Phone);
    }

    private DateTimeOffset DayStart(DateOnly day) => calendar.StartOfDay(day);

    private DateTimeOffset BookingWindowEnd(DateTimeOffset now) => DayStart(calendar.DayOf(now).AddDays(options.Value.BookingDaysAhead + 1));
}
