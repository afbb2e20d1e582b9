using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Staff;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>The admin host with the scheduler on (the roll-up runs from the jobs page) and a partner key for verifying codes.</summary>
public sealed class StatisticsAdminBrowser : AdminBrowser
{
    public StatisticsAdminBrowser()
    {
        Factory.With("MiniCode:Parts:Jobs", "true");
        Factory.With("Jobs:SchedulePollingInterval", "00:00:01");
        Factory.With("Jobs:QueuePollInterval", "00:00:00.200");
        Factory.With("Jobs:Schedules:rollup-statistics:Enabled", "false"); // only the test's "run now" rolls up
        Factory.With(HealthCodesFactory.PartnerSetting, HealthCodesFactory.PartnerKey);
        Factory.With("MiniCode:HealthCodes:CounterFlushSeconds", "3600");
    }
}

/// <summary>
/// 统计分析: real usage (codes shown and verified in two provinces) is rolled up by the rollup-statistics job, run from
/// the jobs page, and shown per day, by code type and by region with a drill-down.
/// </summary>
public sealed class AdminStatisticsWalkthroughTests(StatisticsAdminBrowser browser) : IClassFixture<StatisticsAdminBrowser>
{
    [Fact]
    public async Task Usage_rolled_up_by_the_job_shows_by_code_type_and_region_with_a_drill_down()
    {
        var beijing = await CitizenAsync("赵一", "110105");
        var changchun = await CitizenAsync("钱二", "220102");
        await beijing.DeclareAsync();
        await changchun.DeclareAsync();
        var payload = (await beijing.CodeAsync()).GetProperty("payload").GetString()!;
        await changchun.CodeAsync();
        await changchun.CodeAsync();
        using var partner = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        partner.DefaultRequestHeaders.Add("X-Api-Key", HealthCodesFactory.PartnerKey);
        Assert.True((await partner.PostAsJsonAsync("/api/codes/verify", new { payload })).IsSuccessStatusCode);
        Assert.True((await partner.PostAsJsonAsync("/api/codes/verify", new { payload = "MC1:forged" })).IsSuccessStatusCode);
        await browser.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<CodeUsageFlushService>().Single()
            .FlushAsync(CancellationToken.None);

        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.GotoAsync("/admin/statistics");
        await Expect(page.Locator("#codes-shown")).ToHaveTextAsync("0"); // nothing rolled up yet
        await Expect(page.Locator("#rollup-note")).ToContainTextAsync("尚未运行");

        await page.GotoAsync("/admin/jobs");
        await page.Locator("tr[data-job=rollup-statistics] button:text('立即运行')").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("已触发任务 rollup-statistics");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await page.GotoAsync("/admin/jobs");
            if ((await page.Locator("tr[data-job=rollup-statistics]").InnerTextAsync()).Contains("成功", StringComparison.Ordinal)) break;
            Assert.True(DateTime.UtcNow < deadline, "the roll-up did not finish");
            await Task.Delay(200);
        }

        await page.GotoAsync("/admin/statistics?days=7");
        await Expect(page.Locator("#codes-issued")).ToHaveTextAsync("2");
        await Expect(page.Locator("#codes-shown")).ToHaveTextAsync("3");
        await Expect(page.Locator("#codes-scanned")).ToHaveTextAsync("1");
        await Expect(page.Locator("#codes-rejected")).ToHaveTextAsync("1");
        await Expect(page.Locator("#rollup-note")).Not.ToContainTextAsync("尚未运行");
        await Expect(page.Locator("#code-types tr:has-text('健康码')")).ToContainTextAsync("3");
        await Expect(page.Locator("svg[aria-label=亮码按地区]")).ToContainTextAsync("220000");
        await Expect(page.Locator("svg[aria-label=亮码按地区]")).ToContainTextAsync("110000");
        await Expect(page.Locator("svg[aria-label=扫码按码类型]")).ToContainTextAsync("健康码");
        await Expect(page.Locator("svg[aria-label=扫码按核验结果]")).ToContainTextAsync("无法识别");
        await Expect(page.Locator("svg[aria-label=每日亮码] rect")).ToHaveCountAsync(7);
        await browser.ScreenshotAsync(page, "61-code-statistics");

        // Drill down: Jilin → its cities → Changchun's districts.
        await page.Locator("#code-regions a[href*='region=220000']").ClickAsync();
        await Expect(page.Locator("#code-scope")).ToContainTextAsync("220000");
        await Expect(page.Locator("#codes-shown")).ToHaveTextAsync("2");
        await page.Locator("#code-regions a[href*='region=220100']").ClickAsync();
        await Expect(page.Locator("#code-regions tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#code-regions tbody tr")).ToContainTextAsync("220102");
        await page.Locator("svg[aria-label=申领按码类型]").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync(page, "62-code-statistics-region");

        var today = DateOnly.FromDateTime(browser.Factory.Clock.GetUtcNow().UtcDateTime);
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GotoAsync($"/admin/statistics?from={Iso(today)}&to={Iso(today.AddDays(-1))}");
        await Expect(page.Locator(".errors")).ToContainTextAsync("开始日期不能晚于结束日期");
        await page.GotoAsync("/admin/statistics?days=30&type=offline_card");
        await Expect(page.Locator("#codes-shown")).ToHaveTextAsync("0");
        await Expect(page.Locator("svg[aria-label=每日亮码] rect")).ToHaveCountAsync(30);
    }

    private async Task<TestUser> CitizenAsync(string name, string region)
    {
        var citizen = await browser.Factory.CitizenAsync(name, region: region);
        citizen.Client.BaseAddress = new Uri(browser.BaseUrl);
        return citizen;
    }
}
