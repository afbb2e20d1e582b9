using System.Security.Cryptography;
using System.Text;
using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Identity.Face;

/// <summary>The purposes a face is verified for; a session started for one is not accepted for another.</summary>
public static class FacePurposes
{
    public const string RealName = "real_name", Relative = "relative", FaceCheck = "face_check", Portrait = "portrait";
    public static readonly IReadOnlyList<string> All = [RealName, Relative, FaceCheck, Portrait];
}

/// <summary>
/// Starts face verifications and accepts their results through <see cref="IFaceVerifier"/>, adding what no provider
/// checks: a reference minted at start belongs to the caller, purpose and document it was started for, is at most
/// <c>Identity:Face:MaxResultAge</c> old, and every result counts once. Mismatches never say whether the document exists.
/// </summary>
public sealed class FaceVerificationService(
    MiniCodeDbContext db, IFaceVerifier verifier, PersonalDataProtector protector, IOptions<IdentityOptions> options, TimeProvider time,
    IHttpContextAccessor http)
{
    private FaceRules Rules => options.Value.Face;

    public async Task<FaceStart> StartAsync(long accountId, string purpose, FaceSubject subject, CancellationToken ct)
    {
        var caller = await CallerAsync(accountId, ct);
        var outerOrderNo = "face" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var start = await verifier.StartAsync(caller, subject, outerOrderNo, ct);
        if (start.Reference is { } reference)
        {
            db.Add(new FaceSession
            {
                ReferenceHash = Hash(reference), Provider = start.Provider, Purpose = purpose, AccountId = accountId,
                DocumentIndex = IndexOf(subject), CreatedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }
        return start;
    }

    /// <summary>Throws the 400 / 503 of a failed verification; returns when the face of <paramref name="subject"/> was verified.</summary>
    public async Task VerifyAsync(long accountId, string purpose, FaceSubject subject, string? reference, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(reference)) throw new ApiException(IdentityErrors.FaceMismatch);
        var caller = await CallerAsync(accountId, ct);
        var hash = Hash(reference);
        var now = time.GetUtcNow();
        var session = await db.Set<FaceSession>().FirstOrDefaultAsync(s => s.ReferenceHash == hash, ct);
        if (session?.UsedAt is not null) throw new ApiException(IdentityErrors.FaceReused);

        var result = await verifier.CheckAsync(caller, subject, reference, ct);
        switch (result.Verdict)
        {
            case FaceVerdict.Unavailable: throw new ApiException(IdentityErrors.FaceUnavailable) { RetryAfterSeconds = Rules.RetryAfterSeconds };
            case FaceVerdict.Expired: throw new ApiException(IdentityErrors.FaceExpired);
            case FaceVerdict.DocumentUnsupported: throw new ApiException(IdentityErrors.FaceDocumentUnsupported);
            case not FaceVerdict.Match: throw new ApiException(IdentityErrors.FaceMismatch);
        }
        if (result.Provider == FaceResult.Simulator) return;

        if (result.StartedHere)
        {
            if (session is null || session.AccountId != accountId || session.Purpose != purpose || session.DocumentIndex != IndexOf(subject)
                || session.Provider != result.Provider)
                throw new ApiException(IdentityErrors.FaceMismatch);
            if (now - session.CreatedAt > Rules.MaxResultAge) throw new ApiException(IdentityErrors.FaceExpired);
            // Conditional, so two requests racing with one reference cannot both pass.
            var taken = await db.Set<FaceSession>().Where(s => s.Id == session.Id && s.UsedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.UsedAt, now), ct);
            if (taken == 0) throw new ApiException(IdentityErrors.FaceReused);
            return;
        }

        if (session is not null) throw new ApiException(IdentityErrors.FaceReused);
        var used = new FaceSession
        {
            ReferenceHash = hash, Provider = result.Provider, Purpose = purpose, AccountId = accountId,
            DocumentIndex = IndexOf(subject), CreatedAt = now, UsedAt = now,
        };
        db.Add(used);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.Entry(used).State = EntityState.Detached;
            throw new ApiException(IdentityErrors.FaceReused);
        }
    }

    private async Task<FaceCaller> CallerAsync(long accountId, CancellationToken ct)
    {
        var a = await db.Set<Account>().AsNoTracking().Where(x => x.Id == accountId)
            .Select(x => new { x.WeChatOpenId, x.AlipayUserId }).FirstAsync(ct);
        // The session of the request tells which mini program the caller is in (an account may have both platforms).
        string? method = null;
        if (http.HttpContext?.User.FindFirst(Sessions.SessionClaims.SessionId)?.Value is { } sid && long.TryParse(sid, out var sessionId))
            method = await db.Set<Sessions.Session>().AsNoTracking().Where(s => s.Id == sessionId && s.AccountId == accountId)
                .Select(s => s.Method).FirstOrDefaultAsync(ct);
        return new FaceCaller(accountId, a.WeChatOpenId, a.AlipayUserId, method);
    }

    private string IndexOf(FaceSubject subject) => protector.BlindIndex($"{subject.DocumentType}:{subject.DocumentNumber}");

    private static string Hash(string reference) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reference)));
}
