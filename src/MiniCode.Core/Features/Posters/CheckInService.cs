using MiniCode.Infrastructure.Concurrency;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Features.Posters;

/// <summary>
/// Lets the households feature say whether a holder may act for a relative. Until it registers one, only self
/// check-ins are allowed (<see cref="NoRelatives"/>).
/// </summary>
public interface IRelativeAccess
{
    /// <summary>The person behind the holder's relative <paramref name="relativeId"/>, or null when the holder has no such relative.</summary>
    Task<long?> RelativePersonIdAsync(long holderPersonId, long relativeId, CancellationToken ct);

    /// <summary>The holder's relative <paramref name="relativeId"/> with whether the holder sees all of their check-ins, or null.</summary>
    Task<CheckInSubject?> RelativeAsync(long holderPersonId, long relativeId, CancellationToken ct);
}

/// <summary>
/// Whose check-ins: a person, and whether the caller sees all of them (self, a proven relative) or only the ones the
/// caller made (a relative not proven, private to each holder's person).
/// </summary>
public sealed record CheckInSubject(long PersonId, bool SeesAll);

internal sealed class NoRelatives : IRelativeAccess
{
    public Task<long?> RelativePersonIdAsync(long holderPersonId, long relativeId, CancellationToken ct) => Task.FromResult<long?>(null);

    public Task<CheckInSubject?> RelativeAsync(long holderPersonId, long relativeId, CancellationToken ct) => Task.FromResult<CheckInSubject?>(null);
}

/// <summary>
/// 扫码登记: a citizen scans a venue's poster for themself or a relative. Records the visit (repeat scans within the
/// collapse window are one record) and answers the person's current colour to show at the door.
/// </summary>
public sealed class CheckInService(MiniCodeDbContext db, PosterResolver resolver, HealthStatusService statuses, IRelativeAccess relatives,
    CodeUsageCounters counters, KeyedLocks locks, IOptions<PosterOptions> options, TimeProvider time)
{
    public async Task<CheckInView> CheckInAsync(long accountId, long selfPersonId, CheckInRequest request, CancellationToken ct)
    {
        var (personId, seesAll) = await SubjectAsync(selfPersonId, request.RelativeId, ct);
        var holders = await HoldersAsync(accountId, seesAll, ct);
        var venue = await resolver.ResolveAsync(request.Payload, ct);
        if (!await db.IsDoneAsync(personId, ct))
            throw new ApiException(HealthCodeErrors.DeclarationRequired);
        var status = await statuses.CurrentAsync(personId, ct);
        var name = await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId).Select(p => p.Name).FirstAsync(ct);

        var o = options.Value;
        var now = time.GetUtcNow();
        var windowStart = now - o.CollapseWindow;
        var posterId = venue.Poster.Id;
        // One person at one venue at a time: two simultaneous first scans must not both find no record and add two.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using var gate = await locks.AcquireAsync(db, $"check-in:{personId}:{posterId}", ct);
        var checkIn = await db.Set<CheckIn>()
            .Where(c => c.PersonId == personId && c.PosterId == posterId && c.CheckedInAt > windowStart && (seesAll || holders.Contains(c.AccountId)))
            .OrderByDescending(c => c.CheckedInAt).FirstOrDefaultAsync(ct);
        var repeated = checkIn is not null;
        if (checkIn is null)
        {
            checkIn = new CheckIn { PersonId = personId, PosterId = posterId, AccountId = accountId, CheckedInAt = now };
            db.Add(checkIn);
        }
        checkIn.LastScanAt = now;
        checkIn.ScanCount++;
        checkIn.Color = status.Color;
        checkIn.GenerationNumber = venue.Generation.Number;
        checkIn.Via = venue.Via;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // Every scan counts for statistics, a repeat within the collapse window too (the record collapses, the scan happened).
        counters.Increment(CodeType.Poster, venue.Poster.RegionCode, CodeUsage.CheckedIn);
        return new CheckInView(checkIn.Id, Venue(venue.Poster), SensitiveDataMasker.MaskName(name), status.Color, checkIn.CheckedInAt,
            checkIn.LastScanAt, checkIn.ScanCount, repeated, o.RetentionDays, RetentionNotice(o));
    }

    /// <summary>The person's own visits still kept (the retention period is part of the answer).</summary>
    public async Task<MyCheckIns> MineAsync(long accountId, long selfPersonId, long? relativeId, CancellationToken ct)
    {
        var (personId, seesAll) = await SubjectAsync(selfPersonId, relativeId, ct);
        var holders = await HoldersAsync(accountId, seesAll, ct);
        var rows = await (from c in db.Set<CheckIn>().AsNoTracking()
                          join p in db.Set<Poster>().AsNoTracking() on c.PosterId equals p.Id
                          join person in db.Set<Person>().AsNoTracking() on c.PersonId equals person.Id
                          where c.PersonId == personId && (seesAll || holders.Contains(c.AccountId))
                          orderby c.CheckedInAt descending
                          select new { c.Id, Poster = p, person.Name, c.CheckedInAt, c.ScanCount }).Take(options.Value.MaxPageSize).ToListAsync(ct);
        var o = options.Value;
        return new MyCheckIns(rows.Select(r => new MyCheckIn(r.Id, Venue(r.Poster), SensitiveDataMasker.MaskName(r.Name), r.CheckedInAt, r.ScanCount)).ToList(),
            o.RetentionDays, RetentionNotice(o));
    }

    /// <summary>Deletes check-ins older than the retention period, then posters deleted before it that nothing references.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var purged = await db.Set<CheckIn>().Where(c => c.LastScanAt < cutoff).ExecuteDeleteAsync(ct);
        await db.Set<Poster>().Where(p => p.DeletedAt < cutoff && !db.Set<CheckIn>().Any(c => c.PosterId == p.Id)).ExecuteDeleteAsync(ct);
        return purged;
    }

    /// <summary>The accounts whose check-ins of a private relative the caller sees: every account of the caller's person.</summary>
    private async Task<List<long>> HoldersAsync(long accountId, bool seesAll, CancellationToken ct) =>
        seesAll ? [] : await db.SameHumanAsync(accountId, ct);

    private async Task<CheckInSubject> SubjectAsync(long selfPersonId, long? requested, CancellationToken ct)
    {
        if (requested is not { } relativeId) return new CheckInSubject(selfPersonId, SeesAll: true);
        return await relatives.RelativeAsync(selfPersonId, relativeId, ct) ?? throw new ApiException(PostersErrors.PersonNotAllowed);
    }

    internal static VenueView Venue(Poster p) => new(p.Id, p.VenueName, p.Address, p.RegionCode, p.VenueType, p.Kind);

    internal static string RetentionNotice(PosterOptions o) => $"扫码登记信息仅用于疫情防控，保存{o.RetentionDays}天后自动删除。";
}
