using System.Globalization;
using MiniCode.Admin.Areas.Admin.Pages.Statistics;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.HealthCodes.Statistics;

namespace MiniCode.Admin.Areas.Admin.Pages.DataViews;

/// <summary>领码 (issued), 亮码 (shown) and 扫码 (scanned) of one slice: a day, a category, a region or an application.</summary>
public sealed record DataViewLine(string Key, string Label, long Issued, long Shown, long Scanned)
{
    public long Of(DataViewMetric metric) => metric switch { DataViewMetric.Issued => Issued, DataViewMetric.Shown => Shown, _ => Scanned };
}

public enum DataViewMetric { Issued, Shown, Scanned }

/// <summary>One rolled-up figure placed in the data view's dimensions (category from the code type, region at full length).</summary>
public sealed record DataViewFact(DateOnly Day, string Category, string Region, string Application, DataViewMetric Metric, long Count);

/// <summary>
/// 数据查看 (一码通 §2.2.7): the rolled-up daily statistics (<see cref="CodeStatisticsDaily"/>, written by the
/// rollup-statistics job; never the raw logs) seen by 码分类, region and application. A code type belongs to one
/// category (<see cref="CodeCategories.Of"/>: live codes and offline cards are both 个人码); refused scans are not 扫码.
/// </summary>
public sealed class DataViewReport(IReadOnlyList<DataViewFact> facts, DateOnly from, DateOnly to,
    IReadOnlyDictionary<string, string> categoryNames, IReadOnlyDictionary<string, string> regionNames, IReadOnlyDictionary<string, string> applicationNames,
    int regionLength)
{
    public const string UnknownCategory = "unknown";
    /// <summary>Figures of the platform's own channels (the mini programs, scanners), not of a registered application.</summary>
    public const string PlatformApplication = "platform";

    public static readonly IReadOnlyList<(DataViewMetric Metric, string Label, string Colour)> Metrics =
        [(DataViewMetric.Issued, "领码", "#1a7f37"), (DataViewMetric.Shown, "亮码", "#1f6feb"), (DataViewMetric.Scanned, "扫码", "#8250df")];

    public IReadOnlyList<DataViewFact> Facts => facts;

    public long Total(DataViewMetric metric) => facts.Where(f => f.Metric == metric).Sum(f => f.Count);

    public IReadOnlyList<DataViewLine> Days()
    {
        var perDay = facts.ToLookup(f => f.Day);
        var days = new List<DataViewLine>();
        for (var d = from; d <= to; d = d.AddDays(1))
            days.Add(Line(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CodeStatistics.DayLabel(d), perDay[d]));
        return days;
    }

    public IReadOnlyList<DataViewLine> ByCategory() => By(f => f.Category, k => categoryNames.GetValueOrDefault(k) ?? CategoryLabel(k));

    /// <summary>By region one level below the scope (as the statistics page drills down).</summary>
    public IReadOnlyList<DataViewLine> ByRegion() => By(f => Group(f.Region), k => regionNames.GetValueOrDefault(k) ?? CodeStatistics.RegionLabel(k));

    public IReadOnlyList<DataViewLine> ByApplication() => By(f => f.Application, ApplicationLabel);

    public string ApplicationLabel(string key) => key == PlatformApplication ? "平台渠道（小程序、扫码员）" : applicationNames.GetValueOrDefault(key) ?? key;

    public string CategoryName(string key) => categoryNames.GetValueOrDefault(key) ?? CategoryLabel(key);

    public string Group(string region) => region == CodeUsage.UnknownRegion ? region : CodeStatistics.Group(region, regionLength);

    public static IReadOnlyList<(string, long, double)> Shares(IEnumerable<DataViewLine> lines, DataViewMetric metric) =>
        CodeStatistics.Shares(lines.Select(l => (l.Label, l.Of(metric))).Where(l => l.Item2 > 0).OrderByDescending(l => l.Item2)
            .Take(CodeStatistics.RegionsCharted)).Select(s => (s.Label, s.Count, s.Fraction)).ToList();

    private IReadOnlyList<DataViewLine> By(Func<DataViewFact, string> key, Func<string, string> label) =>
        facts.GroupBy(key).Select(g => Line(g.Key, label(g.Key), g))
            .OrderByDescending(l => l.Issued + l.Shown + l.Scanned).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();

    private static DataViewLine Line(string key, string label, IEnumerable<DataViewFact> rows)
    {
        long issued = 0, shown = 0, scanned = 0;
        foreach (var r in rows)
        {
            if (r.Metric == DataViewMetric.Issued) issued += r.Count;
            else if (r.Metric == DataViewMetric.Shown) shown += r.Count;
            else scanned += r.Count;
        }
        return new DataViewLine(key, label, issued, shown, scanned);
    }

    private static string CategoryLabel(string key) => key == UnknownCategory ? "无法识别" : key;

    /// <summary>The category a statistics code type belongs to, or <see cref="UnknownCategory"/>.</summary>
    public static string CategoryOf(string codeType) =>
        Enum.GetValues<CodeType>().Where(t => t.WireName() == codeType && t.WireName() != CodeUsage.UnknownType)
            .Select(t => CodeCategories.Of(t)).FirstOrDefault() ?? UnknownCategory;

    /// <summary>The figure's metric in the data view, or null for what it does not show (refusals, generation calls).</summary>
    public static DataViewMetric? MetricOf(string metric) => metric switch
    {
        CodeStatisticsService.Issued => DataViewMetric.Issued,
        CodeStatisticsService.Shown => DataViewMetric.Shown,
        CodeStatisticsService.Scanned => DataViewMetric.Scanned,
        _ => null,
    };

    public static IEnumerable<DataViewFact> FactsOf(IEnumerable<CodeStatisticsDaily> rows) =>
        from r in rows
        let metric = MetricOf(r.Metric)
        where metric is not null
        select new DataViewFact(r.Day, CategoryOf(r.CodeType), r.RegionCode, r.Application.Length == 0 ? PlatformApplication : r.Application, metric.Value, r.Count);
}
