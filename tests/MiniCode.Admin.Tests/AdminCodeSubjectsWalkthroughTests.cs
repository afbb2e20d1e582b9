using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniCode.Data;
using MiniCode.Features.Enterprises;
using MiniCode.Features.Staff;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>
/// 码对象主体管理 in Chromium: staff search the enterprises, open one, correct its name, region and status with a
/// reason (after the confirmation) and see the change and its audit entry on the detail page.
/// </summary>
public sealed class AdminCodeSubjectsWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task Staff_search_open_and_correct_an_enterprise_and_see_the_audit_entry()
    {
        var name = "长春市慕容" + Guid.NewGuid().ToString("N")[..6] + "科技有限公司";
        await EnterpriseAsync(name, "220102");
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);

        await page.GotoAsync("/admin/codesubjects");
        await page.ClickAsync("#subject-kinds >> text=企业码 · 企业");
        await Expect(page).ToHaveURLAsync(new Regex("kind=enterprise"));
        await page.FillAsync("#subject-search input[name=q]", name);
        await page.ClickAsync("#subject-search button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("q="));
        await Expect(page.Locator("table#subjects tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table#subjects tbody")).ToContainTextAsync("正常");
        await browser.ScreenshotAsync(page, "90-code-subjects");
        await page.ClickAsync("table#subjects >> text=查看");
        await Expect(page).ToHaveURLAsync(new Regex("/codesubjects/detail"));
        await Expect(page.Locator("#subject-name")).ToHaveTextAsync(name);

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // the data-confirm confirmation
        await page.FillAsync("#subject-correct input[name=name]", name + "（更名）");
        await page.FillAsync("#subject-correct input[name=regionCode]", "220104");
        await page.SelectOptionAsync("#subject-correct select[name=status]", "stopped");
        await page.FillAsync("#subject-correct textarea[name=reason]", "工商登记变更");
        await page.ClickAsync("#subject-correct button[type=submit]");
        await Expect(page.Locator("#subject-status")).ToContainTextAsync("已暂停");
        await Expect(page.Locator("#subject-name")).ToHaveTextAsync(name + "（更名）");
        await Expect(page.Locator("#subject-region")).ToHaveTextAsync("220104");
        await Expect(page.Locator("table#subject-audit tbody")).ToContainTextAsync("code_subject.correct");
        await Expect(page.Locator("table#subject-audit tbody")).ToContainTextAsync("工商登记变更");
        await browser.ScreenshotAsync(page, "91-code-subject-corrected");

        // An empty reason is refused on the page.
        await page.SelectOptionAsync("#subject-correct select[name=status]", "active");
        await page.ClickAsync("#subject-correct button[type=submit]");
        await Expect(page.Locator(".errors")).ToContainTextAsync("更正原因不能为空");
        await Expect(page.Locator("#subject-status")).ToContainTextAsync("已暂停");
    }

    private async Task EnterpriseAsync(string name, string region)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        db.Add(new Enterprise { Name = name, CreditCode = "91" + region + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), RegionCode = region,
            Status = EnterpriseStatus.Active, CreatedAt = browser.Factory.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
    }
}
