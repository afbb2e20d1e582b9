using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Feedback;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Statistics;

/// <summary>
/// /admin/statistics reads the rolled-up statistics: totals, by code type and by region one level below the scope, within
/// the staff member's jurisdiction, narrowed by code type or a region inside it.
/// </summary>
public sealed partial class StatisticsPageTests : IClassFixture<StatisticsPageTests.Host>, IAsyncLifetime
{
    private readonly MiniCodeFactory _factory;
    private DateOnly _today;

    public sealed class Host : MiniCodeFactory;

    public StatisticsPageTests(Host factory) => _factory = factory;

    public async Task InitializeAsync()
    {
        _today = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime);
        _ = _factory.Services;
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        if (await db.Set<CodeStatisticsDaily>().AnyAsync()) return;
        CodeStatisticsDaily Row(int daysAgo, string type, string region, string metric, long count) =>
            new() { Day = _today.AddDays(-daysAgo), CodeType = type, RegionCode = region, Metric = metric, Count = count };
        db.AddRange(
            Row(0, "health_code", "220102", "issued", 3), Row(0, "health_code", "220102", "shown", 30), Row(0, "health_code", "220102", "scanned", 10),
            Row(1, "health_code", "220104", "shown", 5), Row(0, "health_code", "110105", "issued", 2), Row(0, "health_code", "110105", "shown", 20),
            Row(0, "offline_card", "220102", "issued", 1), Row(0, "offline_card", "220102", "scanned", 4),
            Row(0, "poster", "220104", "issued", 2), Row(0, "poster", "220104", "scanned", 7), Row(0, "poster", "220581", "scanned", 1),
            Row(0, "health_code", "unknown", "rejected:expired", 6), Row(0, "unknown", "unknown", "rejected:malformed", 2),
            Row(40, "health_code", "220102", "shown", 999));
        db.AddRange(
            new Organisation { Name = "吉林省卫健委", RegionCode = "220000", CreatedAt = _factory.Clock.GetUtcNow() },
            new Organisation { Name = "长春市卫健委", RegionCode = "220100", CreatedAt = _factory.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Staff_without_an_organisation_see_every_region_by_province_and_by_code_type()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        var html = await admin.GetPageAsync("/admin/statistics?days=7");
        Assert.Equal((8, 55, 22, 8), Totals(html));
        Assert.Equal(["吉林省卫健委|220000|6|35|22|0", "110000|110000|2|20|0|0", "未知地区|unknown|0|0|0|8"], Table(html, "code-regions"));
        Assert.Equal(["健康码|5|55|10|6", "离线码|1|0|4|0", "张贴码|2|0|8|0", "无法识别|0|0|0|2"], Table(html, "code-types"));
        Assert.Contains("aria-label=\"扫码按核验结果\"", html);
        Assert.Contains("全部地区", Scope(html));
    }

    [Fact]
    public async Task A_region_drills_down_one_level_and_a_code_type_narrows_every_figure()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        var province = await admin.GetPageAsync("/admin/statistics?days=7&region=220000");
        Assert.Equal(["长春市卫健委|220100|6|35|21|0", "220500|220500|0|0|1|0"], Table(province, "code-regions"));
        Assert.Contains("href=\"/admin/statistics?days=7&amp;region=220100\"", province);

        var city = await admin.GetPageAsync("/admin/statistics?days=7&region=220100");
        Assert.Equal(["220102|220102|4|30|14|0", "220104|220104|2|5|7|0"], Table(city, "code-regions"));

        var posters = await admin.GetPageAsync("/admin/statistics?days=7&region=220100&type=poster");
        Assert.Equal((2, 0, 7, 0), Totals(posters));
        Assert.Equal(["张贴码|2|0|7|0"], Table(posters, "code-types"));
    }

    [Fact]
    public async Task Staff_see_only_their_jurisdiction_and_a_region_outside_it_is_refused()
    {
        var (user, password) = await AdminClient.StaffInRegionAsync(_factory, "220100", Permissions.Statistics);
        var changchun = await AdminClient.LoggedInAsync(_factory, user, password);
        var html = await changchun.GetPageAsync("/admin/statistics?days=7");
        Assert.Equal((6, 35, 21, 0), Totals(html)); // neither Beijing, nor Songyuan (220581), nor codes of unknown region
        Assert.Contains("本辖区 220100", Scope(html));

        var outside = await changchun.GetPageAsync("/admin/statistics?days=7&region=110105");
        Assert.Contains("只能查看本辖区（220100）内的统计", outside);
        Assert.Equal((6, 35, 21, 0), Totals(outside)); // falls back to the jurisdiction, never wider

        var bad = await changchun.GetPageAsync("/admin/statistics?days=7&type=qr&region=22");
        Assert.Contains("未知的码类型", bad);
        Assert.Contains("地区代码应为 6 位行政区划代码", bad);
        Assert.Equal((6, 35, 21, 0), Totals(bad));
    }

    [Fact]
    public async Task Feedback_and_staff_counts_stay_within_the_jurisdiction_like_the_code_figures()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            foreach (var region in new[] { "220102", "110105", null })
                db.Add(new FeedbackEntry { AccountId = 1, Category = FeedbackCategory.Other, Content = "统计" + region, RegionCode = region,
                    Status = FeedbackStatus.Pending, CreatedAt = _factory.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        var (user, password) = await AdminClient.StaffInRegionAsync(_factory, "220100", Permissions.Statistics);
        var city = await (await AdminClient.LoggedInAsync(_factory, user, password)).GetPageAsync("/admin/statistics?days=7");
        var all = await (await AdminClient.LoggedInAsync(_factory)).GetPageAsync("/admin/statistics?days=7");

        Assert.Equal(await QueryAsync(db => db.Set<FeedbackEntry>().CountAsync(f => f.RegionCode != null && f.RegionCode.StartsWith("2201"))), Tile(city, "feedback-total"));
        Assert.Equal(await QueryAsync(db => db.Set<FeedbackEntry>().CountAsync()), Tile(all, "feedback-total"));
        Assert.True(Tile(all, "feedback-total") >= Tile(city, "feedback-total") + 2); // Beijing's and the unplaced entry
        Assert.Equal(await QueryAsync(db => db.Set<StaffMember>().CountAsync(s => s.Status == StaffStatus.Active && s.Organisation != null
            && s.Organisation.RegionCode.StartsWith("2201"))), Tile(city, "active-staff"));
        Assert.True(Tile(all, "active-staff") > Tile(city, "active-staff")); // the super-admin has no organisation
    }

    [Fact]
    public async Task Staff_without_the_statistics_permission_are_refused()
    {
        var (user, password) = await AdminClient.StaffWithAsync(_factory, Permissions.Faq);
        var other = await AdminClient.LoggedInAsync(_factory, user, password);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync("/admin/statistics")).StatusCode);
    }

    private static (long Issued, long Shown, long Scanned, long Rejected) Totals(string html) =>
        (Tile(html, "codes-issued"), Tile(html, "codes-shown"), Tile(html, "codes-scanned"), Tile(html, "codes-rejected"));

    private static long Tile(string html, string id) => long.Parse(Regex.Match(html, $"id=\"{id}\">(\\d+)<").Groups[1].Value);

    private async Task<T> QueryAsync<T>(Func<MiniCodeDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>());
    }

    private static string Scope(string html) => WebUtility.HtmlDecode(Regex.Match(html, "id=\"code-scope\">([^<]+)<").Groups[1].Value);

    /// <summary>The table's body rows as "cell|cell|…" with tags stripped.</summary>
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
