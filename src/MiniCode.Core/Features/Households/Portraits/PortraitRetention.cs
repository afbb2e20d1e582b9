using MiniCode.Data;
using MiniCode.Features.Jobs;

namespace MiniCode.Features.Households.Portraits;

/// <summary>
/// Keeps no more portrait data than the rules need: attempt rows count only for the current business calendar day, and a
/// photo switched off for longer than <see cref="PortraitOptions.MaxDaysOff"/> can never be shown again (a new upload
/// is required), so its file and row are deleted. Photos stored before encryption at rest are encrypted on the way.
/// </summary>
public sealed class PortraitRetention(MiniCodeDbContext db, IPortraitStore store, IOptions<PortraitOptions> options, TimeProvider time, BusinessCalendar calendar)
{
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = calendar.StartOfDay(now);
        var attempts = await db.Set<PortraitAttempt>().Where(a => a.At < today).ExecuteDeleteAsync(ct);

        var offSince = now - TimeSpan.FromDays(options.Value.MaxDaysOff);
        var stale = await db.Set<Portrait>().Where(p => !p.Enabled && p.DisabledAt != null && p.DisabledAt < offSince).ToListAsync(ct);
        foreach (var portrait in stale)
        {
            // Row first: a file left behind by a crash is unreachable, a row without its file would break the status.
            db.Remove(portrait);
            await db.SaveChangesAsync(ct);
            await store.DeleteAsync(portrait.StorageKey, ct);
        }
        var encrypted = await store.EncryptLegacyAsync(ct);
        return attempts + stale.Count + encrypted;
    }
}

/// <summary>Scheduled as <c>purge-portraits</c> (rules in <see cref="PortraitRetention"/>).</summary>
public sealed class PurgePortraitsJob(PortraitRetention retention) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => new(await retention.PurgeAsync(cancellationToken));
}
