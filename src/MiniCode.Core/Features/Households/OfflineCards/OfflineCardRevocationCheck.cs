using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;

namespace MiniCode.Features.Households.OfflineCards;

/// <summary>Plugs into the verifier: an offline card its issuer revoked (relative removed, account deleted) is refused.</summary>
public sealed class OfflineCardRevocationCheck(MiniCodeDbContext db) : ICodeRevocationList
{
    public async Task<bool> IsRevokedAsync(string payload, CodeClaims claims, CancellationToken cancellationToken)
    {
        if (claims.Type != CodeType.OfflineCard) return false;
        var hash = OfflineCardService.Hash(payload);
        return await db.Set<OfflineCard>().AsNoTracking().AnyAsync(c => c.PayloadHash == hash && c.Status == OfflineCardStatus.Revoked, cancellationToken);
    }
}

/// <summary>Scheduled as <c>expire-offline-cards</c>: expires cards and publishes revocations (rules in <see cref="OfflineCardService"/>).</summary>
public sealed class ExpireOfflineCardsJob(OfflineCardService cards) : Jobs.IMiniCodeJob
{
    public async Task<Jobs.JobResult> ExecuteAsync(CancellationToken cancellationToken) =>
        new(await cards.ExpireAndRevokeAsync(cancellationToken));
}
