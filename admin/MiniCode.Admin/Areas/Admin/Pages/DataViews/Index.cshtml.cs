using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using MiniCode.Admin.Areas.Admin.Pages.Statistics;
using MiniCode.Admin.Security;
using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Csv;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.DataViews;

/// <summary>
/// 数据查看 (一码通 §2.2.7): 领码/亮码/扫码 counts, daily trends and shares by 码分类, region and application over a
/// range of UTC days (the statistics' day), or one day (drill-down), within the staff member's jurisdiction (by the
/// holder's or venue's region); CSV export streams the same figures by day, category, region and application.
/// </summary>
[RequirePermission(Permissions.DataViews)]
public sealed class IndexModel(CodeStatisticsService statistics, ICodeCategoryCatalog categories, TimeProvider time) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 14;
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>Drill-down: one day only (overrides the range).</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? App { get; set; }

    public DataViewReport Report { get; private set; } = null!;
    public IReadOnlyList<CodeCategoryInfo> Categories { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Applications { get; private set; } = new Dictionary<string, string>();
    public string Scope { get; private set; } = "";
    public DateOnly FirstDay { get; private set; }
    public DateOnly LastDay { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Report = await LoadAsync(ct);

    /// <summary>The figures as CSV (UTF-8 with BOM), one line per day, category, region and application; audited.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var report = await LoadAsync(ct);
        await Audit.RecordAsync("dataviews.export", "code_statistics", null,
            after: new { From = FirstDay, To = LastDay, Category, Region, App, Jurisdiction }, ct: ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"code-data-{FirstDay:yyyyMMdd}-{LastDay:yyyyMMdd}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await writer.WriteAsync(CsvText.Line("日期", "码分类", "码分类名称", "地区代码", "应用", "领码", "亮码", "扫码"));
        var lines = report.Facts.GroupBy(f => (f.Day, f.Category, f.Region, f.Application))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Application, StringComparer.Ordinal);
        var count = 0;
        foreach (var g in lines)
        {
            long Sum(DataViewMetric m) => g.Where(f => f.Metric == m).Sum(f => f.Count);
            await writer.WriteAsync(CsvText.Line(g.Key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.Key.Category, report.CategoryName(g.Key.Category),
                g.Key.Region, report.ApplicationLabel(g.Key.Application), Sum(DataViewMetric.Issued), Sum(DataViewMetric.Shown), Sum(DataViewMetric.Scanned)));
            if (++count % 500 == 0) await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    private async Task<DataViewReport> LoadAsync(CancellationToken ct)
    {
        ChooseDays();
        Categories = await categories.ListAsync(ct);
        NarrowScope();
        var facts = DataViewReport.FactsOf(await statistics.RangeAsync(FirstDay, LastDay, Scope, null, ct))
            .Where(f => Category is null || f.Category == Category).ToList();
        // Application names are shown whatever region manages the application: the figures are the jurisdiction's own.
        var ids = facts.Select(f => f.Application).Where(a => a.StartsWith("app:", StringComparison.Ordinal))
            .Select(a => long.TryParse(a.AsSpan(4), CultureInfo.InvariantCulture, out var id) ? id : 0).Distinct().ToList();
        Applications = await AcrossAllRegions<CodeApplication>("names of the applications behind the figures").AsNoTracking()
            .Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => "app:" + a.Id.ToString(CultureInfo.InvariantCulture), a => a.Name, ct);
        if (App is not null) facts = facts.Where(f => f.Application == App).ToList();
        var level = CodeStatistics.GroupLength(Scope);
        var groups = facts.Select(f => f.Region == Features.HealthCodes.Signing.CodeUsage.UnknownRegion ? f.Region : CodeStatistics.Group(f.Region, level)).Distinct().ToList();
        var regionNames = (await Within.Organisations.AsNoTracking().Where(o => groups.Contains(o.RegionCode)).OrderBy(o => o.Id)
                .Select(o => new { o.RegionCode, o.Name }).ToListAsync(ct))
            .GroupBy(o => o.RegionCode).ToDictionary(g => g.Key, g => g.First().Name);
        return new DataViewReport(facts, FirstDay, LastDay, Categories.ToDictionary(c => c.Code, c => c.Name), regionNames, Applications, level);
    }

    private void ChooseDays()
    {
        Days = Days is 7 or 14 or 30 ? Days : 14;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (Day is { } day) (FirstDay, LastDay, From, To) = (day, day, null, null);
        else if (From is { } from && To is { } to && Accept(new InputValidator().Check(from <= to, nameof(From), "开始日期不能晚于结束日期")
                     .Check(to.DayNumber - from.DayNumber < Statistics.IndexModel.MaxRangeDays, nameof(To), $"日期范围不能超过 {Statistics.IndexModel.MaxRangeDays} 天")))
            (FirstDay, LastDay) = (from, to);
        else (From, To, FirstDay, LastDay) = (null, null, today.AddDays(1 - Days), today);
    }

    /// <summary>The jurisdiction bounds every figure; a region, category or application narrows it, an unknown one is refused.</summary>
    private void NarrowScope()
    {
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
        Category = string.IsNullOrWhiteSpace(Category) ? null : Category.Trim();
        App = string.IsNullOrWhiteSpace(App) ? null : App.Trim();
        var categoryKnown = Category is null || Category == DataViewReport.UnknownCategory || Categories.Any(c => c.Code == Category);
        var regionValid = Region is null || RegionCodes.IsValid(Region);
        var validator = new InputValidator().Check(categoryKnown, nameof(Category), "未知的码分类")
            .Check(regionValid, nameof(Region), "地区代码应为 6 位行政区划代码");
        if (validator.IsValid && Region is not null) validator.Check(MayTarget(Region), nameof(Region), $"只能查看本辖区（{Jurisdiction}）内的数据");
        Accept(validator);
        if (!categoryKnown) Category = null;
        if (Region is not null && (!regionValid || !MayTarget(Region))) Region = null;
        Scope = Within.StatisticsPrefix(Region);
    }

    public static IReadOnlyList<(string Label, int Value)> Series(IEnumerable<DataViewLine> days, DataViewMetric metric) =>
        days.Select(d => (d.Label, (int)Math.Min(int.MaxValue, d.Of(metric)))).ToList();

    /// <summary>This page with the filters kept and some changed (null removes one).</summary>
    public string Link(bool export = false, DateOnly? day = null, string? region = null, bool keepDay = true) =>
        QueryHelpers.AddQueryString("/admin/dataviews", new Dictionary<string, string?>
        {
            ["handler"] = export ? "Export" : null,
            ["days"] = From is null && Day is null ? Days.ToString(CultureInfo.InvariantCulture) : null,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["day"] = (day ?? (keepDay ? Day : null))?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["category"] = Category, ["region"] = region ?? Region, ["app"] = App,
        }.Where(p => p.Value is not null));
}
