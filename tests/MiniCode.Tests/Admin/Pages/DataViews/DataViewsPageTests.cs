using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.DataViews;

/// <summary>
/// /admin/dataviews (数据查看): 领码/亮码/扫码 by 码分类, region and application from the rolled-up statistics. The usage
/// counters are seeded and rolled up by the statistics service; issued figures are seeded as rolled-up rows.
/// </summary>
public sealed partial class DataViewsPageTests : IClassFixture<DataViewsPageTests.Host>, IAsyncLifetime
{
    private readonly MiniCodeFactory _factory;
    private DateOnly _today;
    private string _appA = "", _appB = "";

    public sealed class Host : MiniCodeFactory;

    public DataViewsPageTests(Host factory) => _factory = factory;

    public async Task InitializeAsync()
    {
        _today = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime);
        var now = _factory.Clock.GetUtcNow();
        (_appA, _appB) = await _factory.QueryAsync(async db =>
        {
            var existing = await db.Set<CodeApplication>().Where(a => a.Name == "政务大厅闸机" || a.Name == "园区门禁").OrderBy(a => a.Name).ToListAsync();
            if (existing.Count == 0)
            {
                existing = [Application("政务大厅闸机", now), Application("园区门禁", now)];
                db.AddRange(existing);
                await db.SaveChangesAsync();
            }
            return ("app:" + existing.Single(a => a.Name == "政务大厅闸机").Id, "app:" + existing.Single(a => a.Name == "园区门禁").Id);
        });
        if (await _factory.QueryAsync(db => db.Set<CodeUsageDaily>().AnyAsync())) return;
        await _factory.QueryAsync(async db =>
        {
            CodeUsageDaily Counter(int daysAgo, string type, string region, string metric, long count, string app = "") =>
                new() { Day = _today.AddDays(-daysAgo), CodeType = type, RegionCode = region, Metric = metric, Application = app, Count = count };
            db.AddRange(
                Counter(0, "health_code", "220102", CodeUsage.Shown, 30), Counter(0, "health_code", "220102", "verified.valid", 10, _appA),
                Counter(0, "health_code", "220102", "verified.expired", 6, _appA), Counter(0, "offline_card", "220104", CodeUsage.Shown, 4),
                Counter(0, "enterprise", "220104", CodeUsage.Shown, 5), Counter(0, "enterprise", "220104", "verified.valid", 3, _appB),
                Counter(0, "poster", "110105", CodeUsage.CheckedIn, 7),
                Counter(1, "appointment", "220102", CodeUsage.Shown, 2), Counter(1, "health_code", "220581", "verified.valid", 1, _appA),
                Counter(40, "health_code", "220102", CodeUsage.Shown, 999));
            db.AddRange(
                new Organisation { Name = "吉林省卫健委", RegionCode = "220000", CreatedAt = now },
                new Organisation { Name = "长春市卫健委", RegionCode = "220100", CreatedAt = now });
            return await db.SaveChangesAsync();
        });
        foreach (var daysAgo in new[] { 0, 1, 40 })
            await _factory.WithServiceAsync<CodeStatisticsService, int>(s => s.RollUpAsync(_today.AddDays(-daysAgo), default));
        await _factory.QueryAsync(db =>
        {
            CodeStatisticsDaily Issued(int daysAgo, string type, string region, long count) =>
                new() { Day = _today.AddDays(-daysAgo), CodeType = type, RegionCode = region, Metric = CodeStatisticsService.Issued, Count = count };
            db.AddRange(Issued(0, "health_code", "220102", 3), Issued(0, "enterprise", "220104", 2), Issued(1, "poster", "110105", 1));
            return db.SaveChangesAsync();
        });
    }

    private static CodeApplication Application(string name, DateTimeOffset now) => new()
    {
        Name = name, Owner = "测试单位", RegionCode = "220102", KeyHash = Guid.NewGuid().ToString("N"), KeyHint = "abcd", VerifyEnabled = true,
        VerifyCategories = "personal,enterprise", PerMinute = 60, CreatedAt = now, KeyIssuedAt = now,
    };

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Counts_trends_and_shares_by_category_region_and_application_come_from_the_rolled_up_events()
    {
        var html = await (await AdminClient.LoggedInAsync(_factory)).GetPageAsync("/admin/dataviews?days=7");
        Assert.Equal((6, 41, 21), Totals(html)); // refused scans (expired) and the day 40 days ago are not counted
        Assert.Equal(["个人码|3|34|11", "企业码|2|5|3", "张贴码|1|0|7", "预约码|0|2|0"], Table(html, "by-category"));
        Assert.Equal(["吉林省卫健委|220000|5|41|14", "110000|110000|1|0|7"], Table(html, "by-region"));
        Assert.Equal(["平台渠道（小程序、扫码员）|6|41|7", "政务大厅闸机|0|0|11", "园区门禁|0|0|3"], Table(html, "by-application"));
        Assert.Equal($"{_today:yyyy-MM-dd}|5|39|20", Table(html, "by-day")[0]);
        Assert.Equal($"{_today.AddDays(-1):yyyy-MM-dd}|1|2|1", Table(html, "by-day")[1]);
        foreach (var chart in new[] { "领码趋势", "亮码按码分类占比", "扫码按地区占比", "扫码按应用占比" })
            Assert.Contains($"aria-label=\"{chart}\"", html);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html); // charts are SVG, no inline script
    }

    [Fact]
    public async Task A_day_drills_down_and_filters_narrow_every_figure()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        var range = await admin.GetPageAsync("/admin/dataviews?days=7");
        var dayLink = WebUtility.HtmlDecode(Regex.Match(range, $"href=\"([^\"]*day={_today.AddDays(-1):yyyy-MM-dd}[^\"]*)\"").Groups[1].Value);
        var day = await admin.GetPageAsync(dayLink);
        Assert.Equal((1, 2, 1), Totals(day));
        Assert.Equal(["预约码|0|2|0", "个人码|0|0|1", "张贴码|1|0|0"], Table(day, "by-category"));
        Assert.Contains("当日明细 " + _today.AddDays(-1).ToString("yyyy-MM-dd"), Scope(day));

        Assert.Equal((2, 5, 3), Totals(await admin.GetPageAsync("/admin/dataviews?days=7&category=enterprise")));
        Assert.Equal((0, 0, 11), Totals(await admin.GetPageAsync($"/admin/dataviews?days=7&app={_appA}")));
        var city = await admin.GetPageAsync("/admin/dataviews?days=7&region=220100");
        Assert.Equal(["220102|220102|3|32|10", "220104|220104|2|9|3"], Table(city, "by-region"));
        var refused = await admin.GetPageAsync("/admin/dataviews?days=7&category=nope&region=22");
        Assert.Contains("未知的码分类", refused);
        Assert.Contains("地区代码应为 6 位行政区划代码", refused);
        Assert.Equal((6, 41, 21), Totals(refused));
    }

    [Fact]
    public async Task Staff_see_their_jurisdiction_only_and_a_region_outside_it_is_refused()
    {
        var (user, password) = await AdminClient.StaffInRegionAsync(_factory, "220100", Permissions.DataViews);
        var changchun = await AdminClient.LoggedInAsync(_factory, user, password);
        Assert.Equal((5, 41, 13), Totals(await changchun.GetPageAsync("/admin/dataviews?days=7"))); // neither Beijing nor Songyuan
        var outside = await changchun.GetPageAsync("/admin/dataviews?days=7&region=110105");
        Assert.Contains("只能查看本辖区（220100）内的数据", outside);
        Assert.Equal((5, 41, 13), Totals(outside));

        var (other, otherPassword) = await AdminClient.StaffWithAsync(_factory, Permissions.Faq);
        var refused = await AdminClient.LoggedInAsync(_factory, other, otherPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await refused.Http.GetAsync("/admin/dataviews")).StatusCode);
    }

    [Fact]
    public async Task The_CSV_export_streams_the_figures_by_day_category_region_and_application_and_is_audited()
    {
        var (user, password) = await AdminClient.StaffInRegionAsync(_factory, "220100", Permissions.DataViews);
        var changchun = await AdminClient.LoggedInAsync(_factory, user, password);
        var response = await changchun.Http.GetAsync("/admin/dataviews?handler=Export&days=7");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\n', '\r')).ToList();
        Assert.Equal("日期,码分类,码分类名称,地区代码,应用,领码,亮码,扫码", lines[0]);
        Assert.Contains($"{_today.AddDays(-1):yyyy-MM-dd},appointment,预约码,220102,平台渠道（小程序、扫码员）,0,2,0", lines);
        Assert.Contains($"{_today:yyyy-MM-dd},personal,个人码,220102,政务大厅闸机,0,0,10", lines);
        Assert.Contains($"{_today:yyyy-MM-dd},enterprise,企业码,220104,园区门禁,0,0,3", lines);
        Assert.DoesNotContain(lines, l => l.Contains("110105") || l.Contains("220581"));
        Assert.Equal(41, lines.Skip(1).Sum(l => long.Parse(l.Split(',')[6])));
        Assert.True(await _factory.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "dataviews.export")));
    }

    private static (long Issued, long Shown, long Scanned) Totals(string html) => (Tile(html, "total-issued"), Tile(html, "total-shown"), Tile(html, "total-scanned"));

    private static long Tile(string html, string id) => long.Parse(Regex.Match(html, $"id=\"{id}\">(\\d+)<").Groups[1].Value);

    private static string Scope(string html) => WebUtility.HtmlDecode(TagPattern().Replace(Regex.Match(html, "id=\"data-scope\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value, ""));

    private static List<string> Table(string html, string id)
    {
        var body = Regex.Match(html, $"<table id=\"{id}\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        return RowPattern().Matches(body).Select(r => string.Join('|', CellPattern().Matches(r.Value)
            .Select(c => WebUtility.HtmlDecode(TagPattern().Replace(c.Groups[1].Value, "")).Trim()))).ToList();
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)] private static partial Regex RowPattern();
    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)] private static partial Regex CellPattern();
    [GeneratedRegex("<[^>]+>")] private static partial Regex TagPattern();
}
