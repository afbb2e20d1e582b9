using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Posters;

/// <summary>A scanned poster that may be checked into: the poster, the generation scanned and how ("qr" or "scene").</summary>
public sealed record ResolvedPoster(Poster Poster, PosterGeneration Generation, string Via);

/// <summary>
/// Turns what a citizen scanned into a live poster, or refuses it with the first failing reason (qr-payload.md, "Poster
/// codes"): malformed → forged (signature, key, unknown scene token) → not a poster → deleted → revoked → rotated
/// (past the grace period) → expired.
/// </summary>
public sealed class PosterResolver(MiniCodeDbContext db, CodeSigner signer, TimeProvider time)
{
    public async Task<ResolvedPoster> ResolveAsync(string? scanned, CancellationToken ct)
    {
        var text = scanned?.Trim() ?? "";
        return text.StartsWith(CodePayload.Prefix, StringComparison.Ordinal) ? await FromPayloadAsync(text, ct) : await FromSceneAsync(text, ct);
    }

    private async Task<ResolvedPoster> FromPayloadAsync(string text, CancellationToken ct)
    {
        var check = signer.Check(text, out var claims);
        if (check == SignatureCheck.Malformed) throw new ApiException(PostersErrors.Malformed);
        if (check != SignatureCheck.Valid) throw new ApiException(PostersErrors.Forged);
        if (claims!.Type != CodeType.Poster || claims.Color is not null) throw new ApiException(PostersErrors.NotAPoster);
        if (claims.SubjectId > long.MaxValue) throw new ApiException(PostersErrors.Forged);
        var posterId = (long)claims.SubjectId;
        // A poster purged after deletion is gone from the table; its signature proves we issued it.
        var poster = await db.Set<Poster>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == posterId, ct) ?? throw new ApiException(PostersErrors.Deleted);
        var generation = await db.Set<PosterGeneration>().AsNoTracking().FirstOrDefaultAsync(g => g.PosterId == posterId && g.Payload == text, ct);
        return Check(poster, generation, "qr");
    }

    private async Task<ResolvedPoster> FromSceneAsync(string text, CancellationToken ct)
    {
        // The mini program passes options.scene, which WeChat URL-encodes; accept it either way.
        var scene = text.Contains('%') ? Uri.UnescapeDataString(text) : text;
        if (!PosterScene.TryParse(scene, out var posterId, out var token)) throw new ApiException(PostersErrors.Malformed);
        var poster = await db.Set<Poster>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == posterId, ct) ?? throw new ApiException(PostersErrors.Forged);
        var generation = await db.Set<PosterGeneration>().AsNoTracking().FirstOrDefaultAsync(g => g.PosterId == posterId && g.SceneToken == token, ct);
        if (generation is null) throw new ApiException(PostersErrors.Forged);
        return Check(poster, generation, "scene");
    }

    private ResolvedPoster Check(Poster poster, PosterGeneration? generation, string via)
    {
        if (poster.DeletedAt is not null) throw new ApiException(PostersErrors.Deleted);
        if (poster.RevokedAt is not null) throw new ApiException(PostersErrors.Revoked);
        // Correctly signed but never stored as a generation: only a leaked signing key can produce this.
        if (generation is null) throw new ApiException(PostersErrors.Forged);
        var now = time.GetUtcNow();
        if (generation.ValidUntil is { } until && now >= until) throw new ApiException(PostersErrors.Rotated);
        if (now >= generation.ExpiresAt) throw new ApiException(PostersErrors.Expired);
        return new ResolvedPoster(poster, generation, via);
    }
}
