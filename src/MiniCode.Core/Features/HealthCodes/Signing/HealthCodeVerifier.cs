using MiniCode.Infrastructure.Hosting;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Engine;

namespace MiniCode.Features.HealthCodes.Signing;

/// <summary>Why a code is not valid; the wire names are the snake_case of these.</summary>
public enum VerifyFailure
{
    Malformed,
    BadSignature,
    UnknownKey,
    Expired,
    Revoked,
    /// <summary>The calling application may not verify this code's category (answered as 403, never as a result).</summary>
    NotPermitted,
}

/// <summary>A registered application verifying: its statistics name and the categories (码分类) it may verify.</summary>
public sealed record VerifyCaller(string Application, IReadOnlySet<string> Categories);

public sealed record VerificationResult(bool Valid, VerifyFailure? Reason, CodeClaims? Claims, HealthColor? Color, string? MaskedName, string? PortraitReference,
    CodeSubjectView? Subject = null)
{
    public string? ReasonCode => Reason switch
    {
        null => null,
        VerifyFailure.BadSignature => "bad_signature",
        VerifyFailure.UnknownKey => "unknown_key",
        VerifyFailure.NotPermitted => "not_permitted",
        _ => Reason.Value.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// Extension point for the portraits feature: a reference (URL path) to the holder's portrait when they enabled
/// showing it, otherwise null. The default knows no portraits.
/// </summary>
public interface IPortraitReferenceProvider
{
    Task<string?> FindEnabledAsync(long personId, CancellationToken cancellationToken);
}

/// <summary>
/// Extension point for the offline cards feature: whether the issuer revoked this exact code (a card of a removed
/// relative or deleted account), beyond the colour-based revocation of <see cref="Engine.HealthStatus.RevokedBefore"/>.
/// </summary>
public interface ICodeRevocationList
{
    Task<bool> IsRevokedAsync(string payload, CodeClaims claims, CancellationToken cancellationToken);
}

/// <summary>
/// Extension point for the posters feature: whether a correctly signed, unexpired poster payload is still live (not
/// deleted, revoked, or replaced by a rotation past its grace period), and the venue's region for statistics.
/// </summary>
public interface IPosterCodeCheck
{
    Task<PosterCodeState> CheckAsync(string payload, CodeClaims claims, CancellationToken cancellationToken);
}

public sealed record PosterCodeState(bool Live, string? RegionCode);

/// <summary>Without the posters feature nobody can vouch for a poster, so none is valid.</summary>
internal sealed class NoPosters : IPosterCodeCheck
{
    public Task<PosterCodeState> CheckAsync(string payload, CodeClaims claims, CancellationToken cancellationToken) =>
        Task.FromResult(new PosterCodeState(false, null));
}

internal sealed class NoCodeRevocations : ICodeRevocationList
{
    public Task<bool> IsRevokedAsync(string payload, CodeClaims claims, CancellationToken cancellationToken) => Task.FromResult(false);
}

internal sealed class NoPortraits : IPortraitReferenceProvider
{
    public Task<string?> FindEnabledAsync(long personId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>
/// 验码 for every caller (the verify endpoint, checkpoints, posters): signature, key, expiry and revocation, then the
/// holder's current colour and masked name. Read-only; outcomes are counted in memory for statistics by code type and
/// the holder's (or venue's) region.
/// </summary>
public sealed class HealthCodeVerifier(CodeSigner signer, Deferred<MiniCodeDbContext> db, CodeHolderCache holders, Deferred<HealthStatusService> statuses,
    TimeProvider time, CodeUsageCounters counters, IPortraitReferenceProvider portraits, ICodeRevocationList revocations, Deferred<IPosterCodeCheck> posters,
    Deferred<IEnumerable<ISubjectCodeCheck>> subjectChecks, Logs.CodeEventLog events)
{
    /// <summary>Verifies for the platform's own callers (<paramref name="caller"/> null) or a registered application, whose
    /// call is counted under its name; a correctly signed code of a category it may not verify answers
    /// <see cref="VerifyFailure.NotPermitted"/> before anything about the holder is read.</summary>
    public async Task<VerificationResult> VerifyAsync(string? payload, CancellationToken ct, VerifyCaller? caller = null)
    {
        var (result, region) = await CheckAsync(payload, caller, ct);
        var type = result.Claims is { } c ? c.Type.WireName() : CodeUsage.UnknownType;
        var outcome = result.ReasonCode ?? CodeUsage.Valid;
        counters.Increment(type, region, CodeUsage.VerifiedPrefix + outcome, caller?.Application);
        events.Scanned(result.Claims, region, outcome, caller?.Application);
        return result;
    }

    private async Task<(VerificationResult Result, string? Region)> CheckAsync(string? payload, VerifyCaller? caller, CancellationToken ct)
    {
        switch (signer.Check(payload?.Trim(), out var claims))
        {
            case SignatureCheck.Malformed: return (Fail(VerifyFailure.Malformed, null), null);
            case SignatureCheck.UnknownKey: return (Fail(VerifyFailure.UnknownKey, claims), null);
            case SignatureCheck.BadSignature: return (Fail(VerifyFailure.BadSignature, claims), null);
        }
        var c = claims!;
        if (caller is not null && !caller.Categories.Contains(CodeCategories.Of(c.Type))) return (Fail(VerifyFailure.NotPermitted, c), null);
        if (time.GetUtcNow() >= c.ExpiresAt) return (Fail(VerifyFailure.Expired, c), null);
        if (c.Type == CodeType.Poster)
        {
            var poster = await posters.Value.CheckAsync(payload!.Trim(), c, ct);
            return (poster.Live ? new VerificationResult(true, null, c, null, null, null) : Fail(VerifyFailure.Revoked, c), poster.RegionCode);
        }
        if (!c.Type.IsPersonHealthCode())
        {
            // A 一码通 record's code: its feature vouches for it; without that feature nobody does.
            var check = subjectChecks.Value.FirstOrDefault(s => s.Type == c.Type);
            if (check is null) return (Fail(VerifyFailure.Revoked, c), null);
            var state = await check.CheckAsync(c, ct);
            return (new VerificationResult(state.Live, state.Live ? null : VerifyFailure.Revoked, c, null, state.Subject?.MaskedHolder, null, state.Subject), state.RegionCode);
        }

        var personId = checked((long)c.SubjectId);
        // Warm: from memory (CodeHolderCache, dropped on every node by each write); a due review is recomputed first.
        var holder = await holders.GetAsync(db, personId, h => h is { Anonymised: false, Status: not null }, ct);
        if (holder is not { Anonymised: false, Status: not null }) return (Fail(VerifyFailure.Revoked, c), null);
        var status = holder.StatusCurrentAt(time.GetUtcNow()) ? holder.Status! : await statuses.Value.CurrentAsync(personId, ct);
        var (color, maskedName) = (status.Color, holder.MaskedName);
        // The payload carries whole seconds: compare against the revocation instant truncated the same way.
        if (status.RevokedBefore is { } rb && c.IssuedAt < DateTimeOffset.FromUnixTimeSeconds(rb.ToUnixTimeSeconds()))
            return (new VerificationResult(false, VerifyFailure.Revoked, c, color, maskedName, null), holder.RegionCode);
        if (await revocations.IsRevokedAsync(payload!.Trim(), c, ct))
            return (new VerificationResult(false, VerifyFailure.Revoked, c, color, maskedName, null), holder.RegionCode);
        var portrait = await portraits.FindEnabledAsync(personId, ct);
        return (new VerificationResult(true, null, c, color, maskedName, portrait), holder.RegionCode);
    }

    private static VerificationResult Fail(VerifyFailure reason, CodeClaims? claims) => new(false, reason, claims, null, null, null);
}
