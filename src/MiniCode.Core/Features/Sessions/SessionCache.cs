using System.Globalization;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.Sessions;

/// <summary>What validating a bearer token needs of its session and account, as stored.</summary>
public sealed record SessionSnapshot(long Id, long AccountId, AccountKind Kind, AccountStatus Status, long? PersonId, bool StayLoggedIn,
    DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt)
{
    // The claim values, formatted once per cached session rather than on every request.
    internal string IdText => field ??= Id.ToString(CultureInfo.InvariantCulture);
    internal string AccountIdText => field ??= AccountId.ToString(CultureInfo.InvariantCulture);
    internal string KindText => field ??= Kind.ToString();
    internal string? PersonIdText => PersonId is { } id ? field ??= id.ToString(CultureInfo.InvariantCulture) : null;
}

/// <summary>
/// Sessions by token hash (<see cref="TokenHash"/>), in process (<see cref="SignalledCache{TKey,TValue}"/>), so a warm authenticated request reads
/// no database. Entries are grouped by account: every write to an account or one of its sessions (logout, revocation,
/// password change, disable, deletion, real-name link, lifetime switch) raises <see cref="ClusterTopics.Accounts"/>
/// with the account id after its commit, which drops them on every node. Last-seen is not part of the freshness: it
/// is noted in memory (<see cref="SessionTouches"/>), and a session that looks ended is re-read before it is refused.
/// </summary>
public sealed class SessionCache(IClusterSignals signals, TimeProvider time, IOptions<CacheOptions> options) : IDisposable
{
    private readonly SignalledCache<TokenHash, SessionSnapshot?> _cache = new(signals, time, ClusterTopics.Accounts,
        TimeSpan.FromSeconds(options.Value.SessionSeconds), options.Value.MaxEntries,
        (_, s) => s!.AccountId.ToString(CultureInfo.InvariantCulture));

    public int Count => _cache.Count;

    public ValueTask<SessionSnapshot?> GetAsync<TState>(TokenHash tokenHash, TState state,
        Func<TokenHash, TState, CancellationToken, Task<SessionSnapshot?>> load, CancellationToken ct) =>
        _cache.GetAsync(tokenHash, state, load, ct);

    public void Invalidate(TokenHash tokenHash) => _cache.Invalidate(tokenHash);

    public void Dispose() => _cache.Dispose();
}
