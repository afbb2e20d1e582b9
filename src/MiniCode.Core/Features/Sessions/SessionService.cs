using MiniCode.Infrastructure.Hosting;
using System.Security.Cryptography;
using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.Sessions;

public sealed record IssuedSession(string Token, DateTimeOffset ExpiresAt);

/// <summary>Issues, validates and revokes opaque session tokens (256 random bits, base64url; stored as SHA-256).</summary>
public sealed class SessionService(Deferred<MiniCodeDbContext> deferredDb, TimeProvider time, IOptions<SessionOptions> options, SessionTouches touches,
    SessionCache cache, ClusterSignalsInterceptor committed)
{
    // Rented on first use: a warm token check needs no database.
    private MiniCodeDbContext Db => deferredDb.Value;

    public async Task<IssuedSession> IssueAsync(long accountId, string method, bool stayLoggedIn, CancellationToken ct = default)
    {
        var token = Base64UrlToken(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var session = new Session
        {
            TokenHash = Hash(token),
            AccountId = accountId,
            Method = method,
            StayLoggedIn = stayLoggedIn,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + Lifetime(stayLoggedIn),
        };
        Db.Add(session);
        await Db.SaveChangesAsync(ct);
        return new IssuedSession(token, session.ExpiresAt);
    }

    public enum Outcome { Valid, Unknown, Expired, Revoked, AccountInactive }

    public sealed record Validation(Outcome Outcome, SessionSnapshot? Session);

    // Every authenticated request on a cache miss runs this: compiled once, so EF neither walks nor hashes the expression each time.
    private static readonly Func<MiniCodeDbContext, string, CancellationToken, Task<SessionSnapshot?>> SnapshotByTokenHash =
        EF.CompileAsyncQuery((MiniCodeDbContext db, string hash, CancellationToken ct) =>
            db.Set<Session>().AsNoTracking().Where(s => s.TokenHash == hash)
                .Select(s => new SessionSnapshot(s.Id, s.AccountId, s.Account!.Kind, s.Account.Status, s.Account.PersonId, s.StayLoggedIn,
                    s.LastSeenAt, s.ExpiresAt, s.RevokedAt))
                .FirstOrDefault());

    public async Task<Validation> ValidateAsync(string token, CancellationToken ct = default)
    {
        var hash = TokenHash.Of(token);
        var validation = Evaluate(await cache.GetAsync(hash, deferredDb, static (h, db, ct) => SnapshotByTokenHash(db.Value, h.ToHex(), ct), ct));
        if (validation.Outcome is Outcome.Valid or Outcome.Unknown) return validation;
        // A refusal is never taken from the cache: another node may have used, extended or re-enabled it meanwhile.
        cache.Invalidate(hash);
        return Evaluate(await SnapshotByTokenHash(Db, hash.ToHex(), ct));
    }

    private Validation Evaluate(SessionSnapshot? session)
    {
        if (session is null) return new(Outcome.Unknown, null);
        if (session.RevokedAt is not null) return new(Outcome.Revoked, session);
        var now = time.GetUtcNow();
        var idle = session.StayLoggedIn ? options.Value.StayLoggedInTimeout : options.Value.IdleTimeout;
        var lastSeen = touches.LastSeen(session.Id, session.LastSeenAt);
        if (now >= session.ExpiresAt || now - lastSeen >= idle) return new(Outcome.Expired, session);
        if (session.Status != AccountStatus.Active) return new(Outcome.AccountInactive, session);

        // Noted in memory and written in batches: the hot path stays free of writes.
        if (now - lastSeen >= options.Value.TouchInterval) touches.Note(session.Id, now);
        return new(Outcome.Valid, session);
    }

    /// <summary>Switches a session between the normal and the stay-logged-in lifetime, counted from now; returns its new expiry.</summary>
    public async Task<DateTimeOffset> SwitchLifetimeAsync(long sessionId, bool stayLoggedIn, CancellationToken ct = default)
    {
        var expiresAt = time.GetUtcNow() + Lifetime(stayLoggedIn);
        await Db.Set<Session>().Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.StayLoggedIn, stayLoggedIn).SetProperty(s => s.ExpiresAt, expiresAt), ct);
        await SessionChangedAsync(sessionId, ct);
        return expiresAt;
    }

    private TimeSpan Lifetime(bool stayLoggedIn) => stayLoggedIn ? options.Value.StayLoggedInTimeout : options.Value.AbsoluteTimeout;

    public async Task RevokeAsync(long sessionId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await Db.Set<Session>().Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
        await SessionChangedAsync(sessionId, ct);
    }

    public Task<int> RevokeAllAsync(long accountId, CancellationToken ct = default) => RevokeOthersAsync(accountId, keepSessionId: null, ct);

    /// <summary>Ends every session of the account but <paramref name="keepSessionId"/> (after a password change), on every node.</summary>
    public async Task<int> RevokeOthersAsync(long accountId, long? keepSessionId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var revoked = await Db.Set<Session>().Where(s => s.AccountId == accountId && s.Id != keepSessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
        await AccountChangedAsync(accountId);
        return revoked;
    }

    /// <summary>
    /// Every node drops its cached sessions of the account, once the caller's transaction (if any) is committed. For
    /// bulk writes to sessions or accounts; tracked changes of <see cref="Session"/> and <see cref="Account"/> raise it
    /// themselves.
    /// </summary>
    public Task AccountChangedAsync(long accountId) =>
        committed.PublishWhenCommittedAsync(Db, new ClusterSignal(ClusterTopics.Accounts, accountId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private async Task SessionChangedAsync(long sessionId, CancellationToken ct)
    {
        var accountId = await Db.Set<Session>().Where(s => s.Id == sessionId).Select(s => (long?)s.AccountId).FirstOrDefaultAsync(ct);
        if (accountId is { } id) await AccountChangedAsync(id);
    }

    /// <summary>
    /// Deletes sessions that can no longer be used: revoked, past their absolute expiry, or idle longer than allowed
    /// (the stay-logged-in lifetime for those that chose it). Run by the <c>expire-sessions</c> job.
    /// </summary>
    public async Task<int> DeleteEndedAsync(CancellationToken ct = default)
    {
        await touches.WriteAsync(Db, ct); // this node's recent use first, so a session in use is not taken for idle
        var now = time.GetUtcNow();
        var idleCutoff = now - options.Value.IdleTimeout;
        var stayCutoff = now - options.Value.StayLoggedInTimeout;
        return await Db.Set<Session>()
            .Where(s => s.RevokedAt != null || s.ExpiresAt <= now
                || (!s.StayLoggedIn && s.LastSeenAt <= idleCutoff) || (s.StayLoggedIn && s.LastSeenAt <= stayCutoff))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>The stored token hash: lower-case hex SHA-256 of its UTF-8 (<see cref="TokenHash"/>).</summary>
    public static string Hash(string token) => TokenHash.Of(token).ToHex();

    private static string Base64UrlToken(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
