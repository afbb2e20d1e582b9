using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Features.People;

namespace MiniCode.Features.Households.OfflineCards;

/// <summary>Offline cards issued, by the holder's region, for the statistics roll-up.</summary>
internal sealed class OfflineCardIssues(MiniCodeDbContext db) : ICodeIssueSource
{
    private static readonly string Type = CodeType.OfflineCard.WireName();

    public async Task<IReadOnlyList<IssuedCount>> IssuedAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct) =>
        await (from c in db.Set<OfflineCard>().AsNoTracking()
               where c.IssuedAt >= start && c.IssuedAt < end
               join p in db.Set<Person>() on c.PersonId equals p.Id
               group c by p.RegionCode into g
               select new IssuedCount(Type, g.Key, g.LongCount())).ToListAsync(ct);
}
