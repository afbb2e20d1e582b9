using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Posters;

/// <summary>Poster codes issued (applied for, deleted ones included), by the venue's region, for the statistics roll-up.</summary>
internal sealed class PosterIssues(MiniCodeDbContext db) : ICodeIssueSource
{
    private static readonly string Type = CodeType.Poster.WireName();

    public async Task<IReadOnlyList<IssuedCount>> IssuedAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct) =>
        await db.Set<Poster>().AsNoTracking().Where(p => p.CreatedAt >= start && p.CreatedAt < end)
            .GroupBy(p => p.RegionCode).Select(g => new IssuedCount(Type, g.Key, g.LongCount())).ToListAsync(ct);
}

/// <summary>
/// Lets the code verifier apply the online poster rules (deleted, revoked, rotated past the grace period, unknown
/// generation) exactly as check-in does, so a verified poster payload is one a visitor could check into.
/// </summary>
internal sealed class PosterCodeCheck(PosterResolver resolver) : IPosterCodeCheck
{
    public async Task<PosterCodeState> CheckAsync(string payload, CodeClaims claims, CancellationToken ct)
    {
        try
        {
            var venue = await resolver.ResolveAsync(payload, ct);
            return new PosterCodeState(true, venue.Poster.RegionCode);
        }
        catch (ApiException)
        {
            return new PosterCodeState(false, null);
        }
    }
}
