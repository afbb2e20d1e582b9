using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;

namespace MiniCode.Admin.Areas.Admin.Pages.Statistics;

public sealed record Share(string Label, long Count, double Fraction);

public sealed record CodeDay(DateOnly Day, long Issued, long Shown, long Scanned, long ScannedValid);

/// <summary>Health-code usage over a range of UTC days (the day the counters are kept by).</summary>
public sealed record CodeUsageReport(
    IReadOnlyList<CodeDay> Days, IReadOnlyList<Share> IssuedByColor, IReadOnlyList<Share> IssuedByRegion, IReadOnlyList<Share> ScansByOutcome)
{
    public long Issued => Days.Sum(d => d.Issued);
    public long Shown => Days.Sum(d => d.Shown);
    public long Scanned => Days.Sum(d => d.Scanned);
}

/// <summary>
/// Codes issued (a person's first colour, from the colour history, with its colour and the holder's region), shown and
/// scanned (the flushed <see cref="CodeUsageDaily"/> counters, which keep no type or region; scans by outcome).
/// </summary>
public static class CodeStatistics
{
    private const string ShownMetric = "code.shown";
    private const string VerifiedPrefix = "code.verified.";
    private const int RegionsShown = 10;

    public static async Task<CodeUsageReport> LoadAsync(MiniCodeDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var usage = await db.Set<CodeUsageDaily>().AsNoTracking().Where(u => u.Day >= from && u.Day <= to).ToListAsync(ct);
        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var issued = await (from c in db.Set<ColorChange>().AsNoTracking()
                            where c.OldColor == null && c.At >= since && c.At < until
                            join p in db.Set<Person>().AsNoTracking() on c.PersonId equals p.Id into holders
                            from p in holders.DefaultIfEmpty()
                            select new { c.At, c.NewColor, Region = p == null ? null : p.RegionCode }).ToListAsync(ct);

        var issuedPerDay = issued.GroupBy(i => DateOnly.FromDateTime(i.At.UtcDateTime)).ToDictionary(g => g.Key, g => (long)g.Count());
        var days = new List<CodeDay>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var today = usage.Where(u => u.Day == d).ToList();
            days.Add(new CodeDay(d, issuedPerDay.GetValueOrDefault(d),
                today.Where(u => u.Metric == ShownMetric).Sum(u => u.Count),
                today.Where(u => u.Metric.StartsWith(VerifiedPrefix, StringComparison.Ordinal)).Sum(u => u.Count),
                today.Where(u => u.Metric == VerifiedPrefix + "valid").Sum(u => u.Count)));
        }

        var byColor = Enum.GetValues<HealthColor>().Select(c => (ColorNames.Chinese(c), (long)issued.Count(i => i.NewColor == c)));
        var regions = issued.GroupBy(i => i.Region ?? "未知").Select(g => (Label: g.Key, Count: (long)g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal).ToList();
        var byRegion = regions.Take(RegionsShown).ToList();
        if (regions.Count > RegionsShown) byRegion.Add(("其他", regions.Skip(RegionsShown).Sum(r => r.Count)));
        var byOutcome = usage.Where(u => u.Metric.StartsWith(VerifiedPrefix, StringComparison.Ordinal))
            .GroupBy(u => u.Metric[VerifiedPrefix.Length..]).Select(g => (OutcomeLabel(g.Key), g.Sum(u => u.Count))).OrderByDescending(g => g.Item2);

        return new CodeUsageReport(days, Shares(byColor), Shares(byRegion), Shares(byOutcome));
    }

    public static string OutcomeLabel(string outcome) => outcome switch
    {
        "valid" => "有效",
        "expired" => "已过期",
        "revoked" => "已作废",
        "malformed" => "无法识别",
        "bad_signature" => "签名无效",
        "unknown_key" => "密钥未知",
        _ => outcome,
    };

    private static List<Share> Shares(IEnumerable<(string Label, long Count)> counts)
    {
        var list = counts.ToList();
        var total = Math.Max(1, list.Sum(c => c.Count));
        return list.Select(c => new Share(c.Label, c.Count, (double)c.Count / total)).ToList();
    }

    public static string DayLabel(DateOnly day) => day.ToString("MM-dd", CultureInfo.InvariantCulture);
}
