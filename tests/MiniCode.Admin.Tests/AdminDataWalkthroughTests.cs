using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Staff;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Platform.Simulator;
using MiniCode.Tests.HealthCodes;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>
/// 数据查看 and 数据支撑管理 in the browser: the data views of rolled-up figures with a drill-down to a day and the CSV
/// export; an interface registered and probed, a data need hooked to it and pulled.
/// </summary>
public sealed class AdminDataWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task Data_views_drill_down_to_a_day_and_export_CSV()
    {
        var today = DateOnly.FromDateTime(browser.Factory.Clock.GetUtcNow().UtcDateTime);
        await browser.Factory.QueryAsync(db =>
        {
            CodeStatisticsDaily Row(int daysAgo, string type, string metric, long count) =>
                new() { Day = today.AddDays(-daysAgo), CodeType = type, RegionCode = "220102", Metric = metric, Count = count };
            db.AddRange(Row(0, "health_code", "shown", 12), Row(0, "enterprise", "scanned", 4), Row(2, "health_code", "issued", 3), Row(2, "poster", "scanned", 5));
            return db.SaveChangesAsync();
        });
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.ClickAsync("nav.sidebar >> text=数据查看");
        await Expect(page.Locator("#total-issued")).ToHaveTextAsync("3");
        await Expect(page.Locator("#total-shown")).ToHaveTextAsync("12");
        await Expect(page.Locator("#total-scanned")).ToHaveTextAsync("9");
        await Expect(page.Locator("svg[aria-label=扫码按码分类占比]")).ToContainTextAsync("企业码");
        await Expect(page.Locator("svg[aria-label=扫码按码分类占比]")).ToContainTextAsync("张贴码");
        await Expect(page.Locator("svg[aria-label=亮码趋势] rect")).ToHaveCountAsync(14);
        await browser.ScreenshotAsync(page, "80-data-views");

        await page.ClickAsync($"#by-day >> text={today.AddDays(-2):yyyy-MM-dd}");
        await Expect(page.Locator("#data-scope")).ToContainTextAsync($"当日明细 {today.AddDays(-2):yyyy-MM-dd}");
        await Expect(page.Locator("#total-issued")).ToHaveTextAsync("3");
        await Expect(page.Locator("#total-scanned")).ToHaveTextAsync("5");
        await Expect(page.Locator("#by-category")).ToContainTextAsync("张贴码");
        await Expect(page.Locator("#by-category")).Not.ToContainTextAsync("企业码");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains($"{today.AddDays(-2):yyyy-MM-dd},poster,张贴码,220102,平台渠道（小程序、扫码员）,0,0,5", csv);
        Assert.DoesNotContain("enterprise", csv);

        await page.ClickAsync("#back-to-range");
        await Expect(page.Locator("#total-scanned")).ToHaveTextAsync("9");
    }

    [Fact]
    public async Task An_interface_registered_in_the_admin_is_probed_and_a_data_need_on_it_is_pulled()
    {
        var party = browser.Factory.Services.GetRequiredService<DataPartyState>();
        party.Answers["population"] = new("population", Body: "{\"rows\":[]}");
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.ClickAsync("nav.sidebar >> text=数据支撑管理");
        var form = page.Locator("#register-interface");
        await form.Locator("input[name='Form.Name']").FillAsync("人口基础信息接口");
        await form.Locator("input[name='Form.Owner']").FillAsync("市大数据中心 李工");
        await form.Locator("input[name='Form.Url']").FillAsync(browser.BaseUrl + "/simulator/data-party/api/population");
        await form.Locator("select[name='Form.AuthKind']").SelectOptionAsync("ApiKey");
        await form.Locator("input[name='Form.Fields']").FillAsync("证件号码,姓名,户籍地");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("已注册数据接口“人口基础信息接口”");
        await Expect(page.Locator("#interfaces")).ToContainTextAsync("尚未探测");

        await page.ClickAsync("#interfaces tr:has-text('人口基础信息接口') >> button:text('立即探测')");
        await Expect(page.Locator(".flash")).ToContainTextAsync("可用：HTTP 200");
        await Expect(page.Locator("#interfaces .availability")).ToContainTextAsync("100%（1/1）");
        Assert.Contains("GET population", party.Requests);

        await page.ClickAsync("text=数据需求目录管理");
        var need = page.Locator("#add-need");
        await need.Locator("input[name='Form.Name']").FillAsync("常住人口核对");
        await need.Locator("input[name='Form.Purpose']").FillAsync("卫健委：核对赋码人员户籍");
        await need.Locator("input[name='Form.Priority']").FillAsync("2");
        await need.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("已登记数据需求“常住人口核对”");
        await page.ClickAsync("#needs tr:has-text('常住人口核对') >> button:text('立即拉取')");
        await Expect(page.Locator(".flash")).ToContainTextAsync("拉取成功：已拉取 11 字节");
        await Expect(page.Locator("#needs .position")).ToHaveTextAsync("1");
        await browser.ScreenshotAsync(page, "81-data-needs");
    }
}
