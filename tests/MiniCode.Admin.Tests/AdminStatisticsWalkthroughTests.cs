using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Staff;
using MiniCode.Tests.HealthCodes;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>统计分析: health codes issued, shown and scanned per day over a date range, with shares by colour, region and outcome.</summary>
public sealed class AdminStatisticsWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task Code_statistics_per_day_with_shares_and_a_date_range()
    {
        var today = DateOnly.FromDateTime(browser.Factory.Clock.GetUtcNow().UtcDateTime);
        var yesterday = today.AddDays(-1);
        var citizen = await browser.CitizenAsync("赵一");
        await citizen.DeclareAsync();
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            db.AddRange(
                new CodeUsageDaily { Day = yesterday, Metric = "code.shown", Count = 40 },
                new CodeUsageDaily { Day = yesterday, Metric = "code.verified.valid", Count = 12 },
                new CodeUsageDaily { Day = today, Metric = "code.shown", Count = 7 },
                new CodeUsageDaily { Day = today, Metric = "code.verified.valid", Count = 3 },
                new CodeUsageDaily { Day = today, Metric = "code.verified.expired", Count = 1 },
                new CodeUsageDaily { Day = today.AddDays(-30), Metric = "code.shown", Count = 1000 });
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GotoAsync($"/admin/statistics?from={Iso(yesterday)}&to={Iso(today)}");
        await Expect(page.Locator("#codes-issued")).ToHaveTextAsync("1");
        await Expect(page.Locator("#codes-shown")).ToHaveTextAsync("47");
        await Expect(page.Locator("#codes-scanned")).ToHaveTextAsync("16");
        await Expect(page.Locator($"#code-days tr:has-text('{Iso(today)}')")).ToContainTextAsync("7");
        await Expect(page.Locator("svg[aria-label=申领按颜色]")).ToContainTextAsync("绿码");
        await Expect(page.Locator("svg[aria-label='申领按地区（户籍地）']")).ToContainTextAsync("110105");
        await Expect(page.Locator("svg[aria-label=扫码按核验结果]")).ToContainTextAsync("已过期");
        await Expect(page.Locator("svg[aria-label=每日亮码] rect")).ToHaveCountAsync(2);
        await browser.ScreenshotAsync(page, "61-code-statistics");

        await page.GotoAsync($"/admin/statistics?from={Iso(today)}&to={Iso(yesterday)}");
        await Expect(page.Locator(".errors")).ToContainTextAsync("开始日期不能晚于结束日期");
        await page.GotoAsync("/admin/statistics?days=30");
        await Expect(page.Locator("#codes-shown")).ToHaveTextAsync("47");
        await Expect(page.Locator("svg[aria-label=每日亮码] rect")).ToHaveCountAsync(30);
    }
}
