using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Staff;
using MiniCode.Tests.Admin;
using MiniCode.Tests.Errands;
using MiniCode.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>授权办事: staff set up a matter, a citizen authorises someone for it, staff find the record by the grantee's ID number.</summary>
public sealed class AdminErrandsWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task Staff_create_a_matter_then_search_an_authorisation_by_document_and_open_it_masked()
    {
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.ClickAsync("nav.sidebar >> text=授权办事");
        await page.ClickAsync("text=新增事项");
        await page.FillAsync("input[name=Name]", "居住证办理");
        await page.FillAsync("input[name=RegionCode]", "110000");
        await page.FillAsync("textarea[name=Description]", "被授权人凭授权码到窗口代办");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("授权事项已保存");
        await Expect(page.Locator("table tbody")).ToContainTextAsync("居住证办理");
        await browser.ScreenshotAsync(page, "90-errand-matters");

        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(a => a.Action == "errand_matter.create"));
        }
        var matters = await HttpAssert.Ok(await browser.Factory.CreateClient().GetAsync("/api/errand-matters"));
        var matterId = matters.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "居住证办理").GetProperty("id").GetInt64();
        var grantor = await browser.Factory.CitizenAsync("欧阳授权");
        var grantee = await browser.Factory.CitizenAsync("司马代办");
        var id = (await grantor.GrantToAsync(matterId, grantee, "司马代办", ErrandsKit.Today.AddDays(1))).Id();
        await HttpAssert.Ok(await grantee.AnswerAsync(id, accept: true));

        await page.ClickAsync("text=授权记录查询");
        await page.FillAsync("input[name=GranteeIdNumber]", grantee.IdNumber!);
        await page.SelectOptionAsync("select[name=State]", "accepted");
        await page.ClickAsync("form.filters button[type=submit]");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table tbody")).ToContainTextAsync("司*** ");
        await Expect(page.Locator("table tbody")).ToContainTextAsync("已生效");
        Assert.DoesNotContain("?", page.Url); // the ID number went in the body, not the address
        Assert.DoesNotContain(grantee.IdNumber!, await page.ContentAsync()); // not echoed back either
        Assert.DoesNotContain("司马代办", await page.ContentAsync());
        await browser.ScreenshotAsync(page, "91-errand-search");

        await page.ClickAsync("table >> text=查看");
        await Expect(page.Locator(".card h2")).ToContainTextAsync("居住证办理");
        await Expect(page.Locator(".card")).ToContainTextAsync("欧*** ");
        Assert.DoesNotContain(grantor.IdNumber!, await page.ContentAsync());
        await browser.ScreenshotAsync(page, "92-errand-detail");

        var (user, password) = await AdminClient.StaffWithAsync(browser.Factory, Permissions.Faq);
        var other = await browser.NewPageAsync();
        await browser.LoginAsync(other, user, password);
        await Expect(other.Locator("nav.sidebar")).Not.ToContainTextAsync("授权办事");
        Assert.Equal(403, (await other.GotoAsync("/admin/errands/authorisations"))!.Status);
    }
}
