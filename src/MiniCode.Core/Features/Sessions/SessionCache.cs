using System.Globalization;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.Sessions;

/// <summary>What validating a bearer token needs of its session and account, as stored.</summary>
public sealed record SessionSnapshot(long Id, long AccountId, AccountKind Kind, AccountStatus Status, long? PersonId, bool StayLoggedIn,
    DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>
/// Sessions by token hash, in process (<see cref="SignalledCache{TKey,TValue}"/>), so a warm authenticated request reads
/// no database. Entries are grouped by account: every write to an account or one of its sessions (logout, revocation,
/// password change, disable, deletion, real-name link, lifetime switch) raises <see cref="ClusterTopics.Accounts"/>
/// with the account id after its commit, which drops them on every node. Last-seen is not part of the freshness: it
/// is noted in memory (<see cref="SessionTouches"/>), and a session that looks ended is re-read before it is refused.
/// </summary>
public sealed class SessionCache(IClusterSignals signals, TimeProvider time, IOptions<CacheOptions> options) : IDisposable
{
    private readonly SignalledCache<string, SessionSnapshot?> _cache = new(signals, time, ClusterTopics.Accounts,
        TimeSpan.FromSeconds(options.Value.SessionSeconds), options.Value.MaxEntries,
        (_, s) => s!.AccountId.ToString(CultureInfo.InvariantCulture));

    public int Count => _cache.Count;

    public ValueTask<SessionSnapshot?> GetAsync<TState>(string tokenHash, TState state,
        Func<string, TState, CancellationToken, Task<SessionSnapshot?>> load, CancellationToken ct) =>
        _cache.GetAsync(tokenHash, state, load, ct);

    public void Invalidate(string tokenHash) => _cache.Invalidate(tokenHash);

    public void Dispose() => _cache.Dispose();
}
