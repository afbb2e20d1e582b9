using MiniCode.Data;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.Households.Relatives;

/// <summary>One link holder → relative as access checks need it: the relative's id, person, and whether it is proven.</summary>
public sealed record RelativeLink(long RelativeId, long PersonId, bool Shared);

/// <summary>
/// Each holder's relatives, in process, so a warm relative's show-code (and every relative endpoint's access check)
/// reads no database. Dropped on every node by <see cref="ClusterTopics.People"/> keyed by the holder's person id,
/// which every <see cref="Relative"/> write raises after its commit (add, proof, removal, account deletion). A link
/// not found is re-read from the database before it is refused (a relative just added on another node).
/// </summary>
public sealed class RelativeLinks(IClusterSignals signals, TimeProvider time, IOptions<CacheOptions> options) : IDisposable
{
    private readonly SignalledCache<long, IReadOnlyList<RelativeLink>> _cache = new(signals, time, ClusterTopics.People,
        TimeSpan.FromSeconds(options.Value.StatusSeconds), options.Value.MaxEntries);

    /// <summary>The holder's first relative matching <paramref name="match"/>, or null (after a fresh read).</summary>
    public async ValueTask<RelativeLink?> FindAsync(MiniCodeDbContext db, long holderPersonId, Func<RelativeLink, bool> match, CancellationToken ct)
    {
        if ((await LinksAsync(db, holderPersonId, ct)).FirstOrDefault(match) is { } cached) return cached;
        _cache.Invalidate(holderPersonId);
        return (await LinksAsync(db, holderPersonId, ct)).FirstOrDefault(match);
    }

    private ValueTask<IReadOnlyList<RelativeLink>> LinksAsync(MiniCodeDbContext db, long holderPersonId, CancellationToken ct) =>
        _cache.GetAsync(holderPersonId, db, static async (holder, db, ct) => (IReadOnlyList<RelativeLink>)await db.Set<Relative>().AsNoTracking()
            .Where(r => r.HolderPersonId == holder).Select(r => new RelativeLink(r.Id, r.PersonId, r.Proof != RelativeProof.None)).ToListAsync(ct), ct);

    public void Dispose() => _cache.Dispose();
}
