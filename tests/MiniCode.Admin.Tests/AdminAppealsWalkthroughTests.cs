using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using MiniCode.Features.Staff;
using MiniCode.Tests.Admin;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>申诉审核 and 人工赋码审批: an appeal is reviewed, an override requested by one staff member and approved by another.</summary>
public sealed class AdminAppealsWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task Override_requested_by_one_staff_member_is_refused_to_them_and_approved_by_another()
    {
        var citizen = await browser.CitizenAsync("王小明");
        await citizen.DeclareAsync();
        Assert.Equal("green", await citizen.ColorAsync());
        await HttpAssert.Ok(await citizen.Client.PostAsJsonAsync("/api/me/appeals", new { text = "我已完成流调排查，请将我的健康码调整为黄码以便居家监测。" }), HttpStatusCode.Created);

        var requester = await AdminClient.StaffWithAsync(browser.Factory, Permissions.AppealsReview, Permissions.OverrideApprove);
        var approver = await AdminClient.StaffWithAsync(browser.Factory, Permissions.OverrideApprove);

        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, requester.User, requester.Password);
        await page.GotoAsync("/admin/appeals");
        var row = page.Locator("tr:has-text('我已完成流调排查')");
        await Expect(row).ToContainTextAsync("王*");
        await Expect(row).ToContainTextAsync("绿码");
        await Expect(row).Not.ToContainTextAsync("王小明");
        await browser.ScreenshotAsync(page, "80-appeals");
        await row.Locator("text=审核").ClickAsync();

        await page.SelectOptionAsync("#override select[name=color]", "Yellow");
        await page.SelectOptionAsync("#override select[name=reasonCode]", "override.epidemiology");
        await page.ClickAsync("#override button[type=submit]");
        await Expect(page.Locator(".errors")).ToContainTextAsync("赋码说明");
        await page.SelectOptionAsync("#override select[name=color]", "Yellow");
        await page.SelectOptionAsync("#override select[name=reasonCode]", "override.epidemiology");
        await page.FillAsync("#override textarea[name=note]", "流调认定为密接的密接，居家健康监测。");
        await page.ClickAsync("#override button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("待另一名工作人员复核");
        await Expect(page.Locator("table")).ToContainTextAsync("待复核");
        await browser.ScreenshotAsync(page, "81-appeal-review");

        await page.GotoAsync("/admin/overrides");
        await page.Locator("#pending tr:has-text('流调认定') button:text('复核通过')").ClickAsync();
        await Expect(page.Locator(".errors")).ToContainTextAsync("人工赋码须由另一名工作人员复核");
        await browser.ScreenshotAsync(page, "82-override-own-refused");
        Assert.Equal("green", await citizen.ColorAsync());

        var second = await browser.NewPageAsync();
        await browser.LoginAsync(second, approver.User, approver.Password);
        await Expect(second.Locator("nav.sidebar")).Not.ToContainTextAsync("申诉审核");
        await second.GotoAsync("/admin/overrides");
        await second.Locator("#pending tr:has-text('流调认定') button:text('复核通过')").ClickAsync();
        await Expect(second.Locator(".flash")).ToContainTextAsync("人工赋码已生效");
        await Expect(second.Locator("#active")).ToContainTextAsync("黄码");
        await Expect(second.Locator("#active")).ToContainTextAsync(requester.User);
        await Expect(second.Locator("#active")).ToContainTextAsync(approver.User);
        await browser.ScreenshotAsync(second, "83-overrides");
        Assert.Equal("yellow", await citizen.ColorAsync());

        await page.GotoAsync("/admin/appeals");
        await page.Locator("tr:has-text('我已完成流调排查') >> text=审核").ClickAsync();
        await Expect(page.Locator("#current-color")).ToContainTextAsync("黄码");
        await page.SelectOptionAsync("#resolve select[name=upheld]", "true");
        await page.FillAsync("#resolve textarea[name=resolution]", "经流调核实，已人工赋黄码，居家监测期满后恢复。");
        await page.ClickAsync("#resolve button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("申诉已办结");
        await Expect(page.Locator("table")).Not.ToContainTextAsync("我已完成流调排查");
        var mine = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/appeals"));
        Assert.Equal("resolved", mine[0].GetProperty("status").GetString());

        var admin = await browser.NewPageAsync();
        await browser.LoginAsync(admin, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        foreach (var action in new[] { "override.request", "override.approve", "appeal.resolve" })
        {
            await admin.GotoAsync("/admin/audit?action=" + action);
            await Expect(admin.Locator("table tbody tr").First).ToContainTextAsync(action);
        }
        await browser.ScreenshotAsync(admin, "84-override-audit");

        // Ending the override restores the computed colour.
        await second.GotoAsync("/admin/overrides");
        await second.Locator("#active tr:has-text('黄码') button:text('结束')").ClickAsync();
        await Expect(second.Locator(".flash")).ToContainTextAsync("人工赋码已结束");
        Assert.Equal("green", await citizen.ColorAsync());
    }

    [Fact]
    public async Task Appeal_and_override_pages_need_their_permissions()
    {
        var (user, password) = await AdminClient.StaffWithAsync(browser.Factory, Permissions.Faq);
        var client = await browser.HttpClientAsync(user, password);
        foreach (var url in new[] { "/admin/appeals", "/admin/appeals/review?id=1", "/admin/overrides" })
            Assert.Equal(403, (int)(await client.Http.GetAsync(url)).StatusCode);
        var approve = await client.PostFormAsync("/admin/faq", new() { ["id"] = "1" }, "/admin/overrides?handler=Approve");
        Assert.Equal(403, (int)approve.StatusCode);
    }
}
