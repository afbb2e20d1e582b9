using System.Globalization;
using MiniCode.Admin.Regional;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Features.Organisations;

namespace MiniCode.Admin.Areas.Admin.Pages.Statistics;

public sealed record Share(string Label, long Count, double Fraction);

public sealed record CodeDay(DateOnly Day, long Issued, long Shown, long Scanned, long Rejected);

/// <summary>One line of the by-type or by-region table.</summary>
public sealed record Breakdown(string Key, string Label, long Issued, long Shown, long Scanned, long Rejected);

/// <summary>Code usage over a range of UTC days (the day the counters are kept by), from the rolled-up statistics.</summary>
public sealed record CodeUsageReport(IReadOnlyList<CodeDay> Days, IReadOnlyList<Breakdown> ByType, IReadOnlyList<Breakdown> ByRegion,
    IReadOnlyList<Share> ScansByOutcome)
{
    public long Issued => Days.Sum(d => d.Issued);
    public long Shown => Days.Sum(d => d.Shown);
    public long Scanned => Days.Sum(d => d.Scanned);
    public long Rejected => Days.Sum(d => d.Rejected);

    public IReadOnlyList<Share> SharesByType(Func<Breakdown, long> metric) => CodeStatistics.Shares(ByType.Select(b => (b.Label, metric(b))));

    /// <summary>The largest regions by the metric, the rest summed as 其他 so a chart stays readable.</summary>
    public IReadOnlyList<Share> SharesByRegion(Func<Breakdown, long> metric)
    {
        var regions = ByRegion.Select(b => (b.Label, Count: metric(b))).Where(b => b.Count > 0).OrderByDescending(b => b.Count).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();
        var shown = regions.Take(CodeStatistics.RegionsCharted).ToList();
        if (regions.Count > CodeStatistics.RegionsCharted) shown.Add(("其他", regions.Skip(CodeStatistics.RegionsCharted).Sum(r => r.Count)));
        return CodeStatistics.Shares(shown);
    }
}

/// <summary>
/// Builds the statistics page's figures from <see cref="CodeStatisticsDaily"/> (written by the rollup-statistics job):
/// per day, per code type and per region one level below the scope (all → provinces, a province → its cities, a city
/// → its districts), named after the organisation that has the region's code where there is one.
/// </summary>
public static class CodeStatistics
{
    public const int RegionsCharted = 10;

    public static readonly IReadOnlyList<(string Key, string Label)> CodeTypes =
        [("health_code", "健康码"), ("offline_card", "离线码"), ("poster", "张贴码")];

    public static async Task<CodeUsageReport> LoadAsync(JurisdictionScope within, CodeStatisticsService statistics, DateOnly from, DateOnly to,
        string regionPrefix, string? codeType, CancellationToken ct)
    {
        var rows = await statistics.RangeAsync(from, to, regionPrefix, codeType, ct);

        var days = new List<CodeDay>();
        var perDay = rows.ToLookup(r => r.Day);
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var t = Totals(perDay[d]);
            days.Add(new CodeDay(d, t.Issued, t.Shown, t.Scanned, t.Rejected));
        }

        var types = CodeTypes.Where(t => codeType is null || t.Key == codeType)
            .Select(t => Line(t.Key, t.Label, rows.Where(r => r.CodeType == t.Key))).ToList();
        var unknownType = rows.Where(r => CodeTypes.All(t => t.Key != r.CodeType)).ToList();
        if (unknownType.Count > 0) types.Add(Line(CodeUsage.UnknownType, "无法识别", unknownType));

        var level = GroupLength(regionPrefix);
        var groups = rows.GroupBy(r => Group(r.RegionCode, level)).ToList();
        var names = await NamesAsync(within, groups.Select(g => g.Key).ToList(), ct);
        var regions = groups.Select(g => Line(g.Key, names.GetValueOrDefault(g.Key) ?? RegionLabel(g.Key), g))
            .OrderByDescending(b => b.Issued + b.Shown + b.Scanned).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();

        var outcomes = rows.Where(r => r.Metric == CodeStatisticsService.Scanned || r.Metric.StartsWith(CodeStatisticsService.RejectedPrefix, StringComparison.Ordinal))
            .GroupBy(r => r.Metric == CodeStatisticsService.Scanned ? "valid" : r.Metric[CodeStatisticsService.RejectedPrefix.Length..])
            .Select(g => (OutcomeLabel(g.Key), g.Sum(r => r.Count))).OrderByDescending(g => g.Item2);
        return new CodeUsageReport(days, types, regions, Shares(outcomes));
    }

    private static (long Issued, long Shown, long Scanned, long Rejected) Totals(IEnumerable<CodeStatisticsDaily> rows)
    {
        long issued = 0, shown = 0, scanned = 0, rejected = 0;
        foreach (var r in rows)
        {
            if (r.Metric == CodeStatisticsService.Issued) issued += r.Count;
            else if (r.Metric == CodeStatisticsService.Shown) shown += r.Count;
            else if (r.Metric == CodeStatisticsService.Scanned) scanned += r.Count;
            else if (r.Metric.StartsWith(CodeStatisticsService.RejectedPrefix, StringComparison.Ordinal)) rejected += r.Count;
        }
        return (issued, shown, scanned, rejected);
    }

    private static Breakdown Line(string key, string label, IEnumerable<CodeStatisticsDaily> rows)
    {
        var t = Totals(rows);
        return new Breakdown(key, label, t.Issued, t.Shown, t.Scanned, t.Rejected);
    }

    /// <summary>How many digits of a region code the breakdown keeps: one level below the scope.</summary>
    public static int GroupLength(string regionPrefix) => regionPrefix.Length switch { 0 => 2, 2 => 4, _ => 6 };

    /// <summary>The region a code is counted under at that level: 220102 at 4 digits → 220100.</summary>
    public static string Group(string regionCode, int length) =>
        RegionCodes.IsValid(regionCode) ? regionCode[..length].PadRight(6, '0') : CodeUsage.UnknownRegion;

    private static async Task<Dictionary<string, string>> NamesAsync(JurisdictionScope within, List<string> codes, CancellationToken ct)
    {
        var named = await within.Organisations.AsNoTracking().Where(o => codes.Contains(o.RegionCode))
            .OrderBy(o => o.Id).Select(o => new { o.RegionCode, o.Name }).ToListAsync(ct);
        return named.GroupBy(o => o.RegionCode).ToDictionary(g => g.Key, g => g.First().Name);
    }

    public static string RegionLabel(string code) => code == CodeUsage.UnknownRegion ? "未知地区" : code;

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

    public static List<Share> Shares(IEnumerable<(string Label, long Count)> counts)
    {
        var list = counts.ToList();
        var total = Math.Max(1, list.Sum(c => c.Count));
        return list.Select(c => new Share(c.Label, c.Count, (double)c.Count / total)).ToList();
    }

    public static string DayLabel(DateOnly day) => day.ToString("MM-dd", CultureInfo.InvariantCulture);
}
