using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Demo;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.Organisations;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>The host as <c>scripts/run.sh --demo</c> starts it (a small province, so the test stays quick).</summary>
public sealed class DemoAdminBrowser : AdminBrowser
{
    public DemoAdminBrowser()
    {
        Factory.With("Demo:Seed", "true");
        Factory.With("Demo:Citizens", "120");
        Factory.With("Demo:StatisticsDays", "7");
    }
}

/// <summary>
/// 演示省: the demo fill runs once after start; a district administrator of the demo then sees non-zero counts on the
/// home page, the jurisdiction's records and statistics; a second fill finds the province and changes nothing.
/// </summary>
public sealed class AdminDemoProvinceTests(DemoAdminBrowser browser) : IClassFixture<DemoAdminBrowser>
{
    [Fact]
    public async Task The_demo_province_fills_every_admin_page_once()
    {
        await WaitForTheFillAsync();
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, "demo-district", new DemoOptions().Password);
        await page.GotoAsync("/admin");
        await Expect(page.Locator("#jurisdiction")).ToContainTextAsync("350102");
        foreach (var tile in new[] { "#organisations", "#sites", "#staff", "#pending-feedback" })
            Assert.True(int.Parse(await page.Locator(tile).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0, tile + " shows 0");
        await page.GotoAsync("/admin/records");
        await Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        await page.GotoAsync("/admin/statistics?days=7");
        Assert.NotEqual("0", await page.Locator("#codes-shown").InnerTextAsync());
        await browser.ScreenshotAsync(page, "90-demo-province-statistics");

        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var colours = await db.Set<HealthStatus>().Select(s => s.Color).Distinct().CountAsync();
        Assert.Equal(4, colours);
        var organisations = await db.Set<Organisation>().CountAsync();
        Assert.Equal(DemoFillOutcome.AlreadyThere, await browser.Factory.Services.GetRequiredService<DemoProvinceFill>().FillAsync(CancellationToken.None));
        Assert.Equal(organisations, await db.Set<Organisation>().CountAsync());
    }

    private async Task WaitForTheFillAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            await using (var scope = browser.Factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
                if (await db.Set<Organisation>().AnyAsync(o => o.Remarks == DemoProvinceFill.Marker)) return;
            }
            Assert.True(DateTime.UtcNow < deadline, "the demo province was not filled in time");
            await Task.Delay(500);
        }
    }
}
