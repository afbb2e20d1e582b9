using MiniCode.Infrastructure.Hosting;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.Households.OfflineCards;

/// <summary>
/// Plugs into the verifier: an offline card its issuer revoked (relative removed, account deleted) is refused. The card
/// is found by what is signed (type, key id, subject, issuedAt), never by its text, so no re-encoding of a revoked card
/// (another signature for the same bytes) escapes the list. Read from <see cref="RevokedOfflineCards"/> (memory when warm).
/// </summary>
public sealed class OfflineCardRevocationCheck(Deferred<MiniCodeDbContext> db, RevokedOfflineCards revoked) : ICodeRevocationList
{
    public async Task<bool> IsRevokedAsync(string payload, CodeClaims claims, CancellationToken cancellationToken) =>
        claims.Type == CodeType.OfflineCard && claims.SubjectId <= long.MaxValue
        && (await revoked.OfAsync(db, (long)claims.SubjectId, cancellationToken)).Contains((claims.IssuedAt, claims.KeyId));
}

/// <summary>
/// The revoked offline cards of each person (issued instant and key id), in process. Dropped on every node by
/// <see cref="ClusterTopics.OfflineCards"/>, which every <see cref="OfflineCard"/> write raises after its commit. A
/// revocation is final, so a cached "revoked" is never stale; a cached "not revoked" lasts until the signal.
/// </summary>
public sealed class RevokedOfflineCards(IClusterSignals signals, TimeProvider time, IOptions<CacheOptions> options) : IDisposable
{
    private readonly SignalledCache<long, IReadOnlySet<(DateTimeOffset IssuedAt, uint KeyId)>> _cache = new(signals, time, ClusterTopics.OfflineCards,
        TimeSpan.FromSeconds(options.Value.StatusSeconds), options.Value.MaxEntries);

    public ValueTask<IReadOnlySet<(DateTimeOffset IssuedAt, uint KeyId)>> OfAsync(Deferred<MiniCodeDbContext> db, long personId, CancellationToken ct) =>
        _cache.GetAsync(personId, db, static async (id, db, ct) =>
        {
            var payloads = await db.Value.Set<OfflineCard>().AsNoTracking().Where(c => c.PersonId == id && c.Status == OfflineCardStatus.Revoked)
                .Select(c => c.Payload).ToListAsync(ct);
            return (IReadOnlySet<(DateTimeOffset, uint)>)payloads
                .Select(text => CodePayload.TryParse(text, out var card, out _, out _) ? (card.IssuedAt, card.KeyId) : ((DateTimeOffset, uint)?)null)
                .OfType<(DateTimeOffset, uint)>().ToHashSet();
        }, ct);

    public void Dispose() => _cache.Dispose();
}

/// <summary>Scheduled as <c>expire-offline-cards</c>: expires cards and publishes revocations (rules in <see cref="OfflineCardService"/>).</summary>
public sealed class ExpireOfflineCardsJob(OfflineCardService cards) : Jobs.IMiniCodeJob
{
    public async Task<Jobs.JobResult> ExecuteAsync(CancellationToken cancellationToken) =>
        new(await cards.ExpireAndRevokeAsync(cancellationToken));
}
