using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;

namespace MiniCode.Features.Households.OfflineCards;

/// <summary>
/// Plugs into the verifier: an offline card its issuer revoked (relative removed, account deleted) is refused. The card
/// is found by what is signed (type, key id, subject, issuedAt), never by its text, so no re-encoding of a revoked card
/// (another signature for the same bytes) escapes the list.
/// </summary>
public sealed class OfflineCardRevocationCheck(MiniCodeDbContext db) : ICodeRevocationList
{
    public async Task<bool> IsRevokedAsync(string payload, CodeClaims claims, CancellationToken cancellationToken)
    {
        if (claims.Type != CodeType.OfflineCard || claims.SubjectId > long.MaxValue) return false;
        var personId = (long)claims.SubjectId;
        var revoked = await db.Set<OfflineCard>().AsNoTracking()
            .Where(c => c.PersonId == personId && c.IssuedAt == claims.IssuedAt && c.Status == OfflineCardStatus.Revoked)
            .Select(c => c.Payload).ToListAsync(cancellationToken);
        return revoked.Any(text => CodePayload.TryParse(text, out var card, out _, out _) && card.KeyId == claims.KeyId);
    }
}

/// <summary>Scheduled as <c>expire-offline-cards</c>: expires cards and publishes revocations (rules in <see cref="OfflineCardService"/>).</summary>
public sealed class ExpireOfflineCardsJob(OfflineCardService cards) : Jobs.IMiniCodeJob
{
    public async Task<Jobs.JobResult> ExecuteAsync(CancellationToken cancellationToken) =>
        new(await cards.ExpireAndRevokeAsync(cancellationToken));
}
