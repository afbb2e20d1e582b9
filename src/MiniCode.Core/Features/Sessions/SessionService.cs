using System.Security.Cryptography;
using System.Text;
using MiniCode.Data;
using MiniCode.Features.People;

namespace MiniCode.Features.Sessions;

public sealed record IssuedSession(string Token, DateTimeOffset ExpiresAt);

/// <summary>Issues, validates and revokes opaque session tokens (256 random bits, base64url; stored as SHA-256).</summary>
public sealed class SessionService(MiniCodeDbContext db, TimeProvider time, IOptions<SessionOptions> options, SessionTouches touches)
{
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
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return new IssuedSession(token, session.ExpiresAt);
    }

    public enum Outcome { Valid, Unknown, Expired, Revoked, AccountInactive }

    public sealed record Validation(Outcome Outcome, Session? Session, Account? Account);

    // Every authenticated request runs this: compiled once, so EF neither walks nor hashes the expression each time.
    private static readonly Func<MiniCodeDbContext, string, CancellationToken, Task<Session?>> SessionByTokenHash =
        EF.CompileAsyncQuery((MiniCodeDbContext db, string hash, CancellationToken ct) =>
            db.Set<Session>().AsNoTracking().Include(s => s.Account).FirstOrDefault(s => s.TokenHash == hash));

    public async Task<Validation> ValidateAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token);
        var session = await SessionByTokenHash(db, hash, ct);
        if (session is null) return new(Outcome.Unknown, null, null);
        if (session.RevokedAt is not null) return new(Outcome.Revoked, session, session.Account);
        var now = time.GetUtcNow();
        var idle = session.StayLoggedIn ? options.Value.StayLoggedInTimeout : options.Value.IdleTimeout;
        var lastSeen = touches.LastSeen(session.Id, session.LastSeenAt);
        if (now >= session.ExpiresAt || now - lastSeen >= idle) return new(Outcome.Expired, session, session.Account);
        if (session.Account is not { Status: AccountStatus.Active }) return new(Outcome.AccountInactive, session, session.Account);

        // Noted in memory and written in batches: the hot path stays free of writes.
        if (now - lastSeen >= options.Value.TouchInterval) touches.Note(session.Id, now);
        return new(Outcome.Valid, session, session.Account);
    }

    /// <summary>Switches a session between the normal and the stay-logged-in lifetime, counted from now; returns its new expiry.</summary>
    public async Task<DateTimeOffset> SwitchLifetimeAsync(long sessionId, bool stayLoggedIn, CancellationToken ct = default)
    {
        var expiresAt = time.GetUtcNow() + Lifetime(stayLoggedIn);
        await db.Set<Session>().Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.StayLoggedIn, stayLoggedIn).SetProperty(s => s.ExpiresAt, expiresAt), ct);
        return expiresAt;
    }

    private TimeSpan Lifetime(bool stayLoggedIn) => stayLoggedIn ? options.Value.StayLoggedInTimeout : options.Value.AbsoluteTimeout;

    public async Task RevokeAsync(long sessionId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await db.Set<Session>().Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
    }

    public async Task<int> RevokeAllAsync(long accountId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return await db.Set<Session>().Where(s => s.AccountId == accountId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
    }

    /// <summary>
    /// Deletes sessions that can no longer be used: revoked, past their absolute expiry, or idle longer than allowed
    /// (the stay-logged-in lifetime for those that chose it). Run by the <c>expire-sessions</c> job.
    /// </summary>
    public async Task<int> DeleteEndedAsync(CancellationToken ct = default)
    {
        await touches.WriteAsync(db, ct); // this node's recent use first, so a session in use is not taken for idle
        var now = time.GetUtcNow();
        var idleCutoff = now - options.Value.IdleTimeout;
        var stayCutoff = now - options.Value.StayLoggedInTimeout;
        return await db.Set<Session>()
            .Where(s => s.RevokedAt != null || s.ExpiresAt <= now
                || (!s.StayLoggedIn && s.LastSeenAt <= idleCutoff) || (s.StayLoggedIn && s.LastSeenAt <= stayCutoff))
            .ExecuteDeleteAsync(ct);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlToken(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
