using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniCode.Features.Staff;
using MiniCode.Tests.Checkpoints;
using MiniCode.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>
/// 扫码员账号 (#20): staff find a scanner from the menu, reset a forgotten password, disable and enable (确定/取消),
/// move the scanner to another site; 人员管理 has its 重置 link and asks before a password reset.
/// </summary>
public sealed class AdminScannersWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task Staff_search_reset_the_password_disable_enable_and_move_a_scanner()
    {
        var (_, siteA) = await browser.Factory.SiteAsync("东门卡口");
        var (_, siteB) = await browser.Factory.SiteAsync("西门卡口");
        var scanner = await browser.Factory.SeniorAsync(siteA, "欧阳扫码");

        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.ClickAsync("nav.sidebar >> text=人员管理");
        await page.ClickAsync("form.filters >> text=扫码员账号");
        await Expect(page.Locator("h1")).ToContainTextAsync("扫码员账号");
        await Expect(page.Locator("a[href='/admin/scanners/create']")).ToBeVisibleAsync();
        await page.FillAsync("input[name=name]", "欧阳");
        await page.ClickAsync("form.filters button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("name="));
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table tbody")).ToContainTextAsync("东门卡口");
        Assert.DoesNotContain(scanner.Phone, await page.ContentAsync()); // masked only
        await page.ClickAsync("form.filters >> text=重置");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/scanners$"));
        await browser.ScreenshotAsync(page, "80-scanners");

        await page.GotoAsync($"/admin/scanners?name=欧阳");
        await page.ClickAsync("table >> text=详情");
        await Expect(page.Locator("#scanner")).ToContainTextAsync("欧阳扫码");

        // 取消 leaves the password as it was; 确定 resets it, and the old password and session stop working.
        await page.FillAsync("#reset-password input[name=NewPassword]", "NewScan5678");
        page.Dialog += DismissOnce;
        await page.ClickAsync("#reset-password button[type=submit]");
        page.Dialog -= DismissOnce;
        await HttpAssert.Ok(await browser.Factory.LoginResponseAsync(scanner.Phone, scanner.Password));
        page.Dialog += Accept;
        await page.ClickAsync("#reset-password button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("密码已重置");
        Assert.Equal(HttpStatusCode.Unauthorized, (await scanner.Client.GetAsync("/api/checkpoint/me")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.Factory.LoginResponseAsync(scanner.Phone, scanner.Password)).StatusCode);
        var client = await browser.Factory.ScannerLoginAsync(scanner.Phone, "NewScan5678");

        await page.ClickAsync("#scanner button.danger");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已停用");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/checkpoint/me")).StatusCode);
        await page.ClickAsync("#scanner >> text=启用");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已启用");

        await page.SelectOptionAsync("#move select[name=SiteId]", siteB.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#move button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已调整所属站点");
        await Expect(page.Locator("#scanner")).ToContainTextAsync("西门卡口");
        var me = await HttpAssert.Ok(await (await browser.Factory.ScannerLoginAsync(scanner.Phone, "NewScan5678")).GetAsync("/api/checkpoint/me"));
        Assert.Equal(siteB, me.GetProperty("site").GetProperty("id").GetInt64());
        await browser.ScreenshotAsync(page, "81-scanner-detail");
    }

    [Fact]
    public async Task Staff_list_has_a_reset_link_and_a_staff_password_reset_asks_first()
    {
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.GotoAsync("/admin/staff?name=无此人");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(0);
        await page.ClickAsync("form.filters >> text=重置");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/staff$"));
        await Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        await page.ClickAsync("table >> text=编辑");
        await page.FillAsync("input[name=NewPassword]", "Another#9pass");
        await page.FillAsync("input[name=CurrentPassword]", AdminOptions.DevelopmentPassword);
        string? asked = null;
        void Dismiss(object? sender, IDialog dialog) { asked = dialog.Message; _ = dialog.DismissAsync(); }
        page.Dialog += Dismiss;
        await page.ClickAsync("form[data-confirm] button.danger");
        Assert.Equal("确定重置该人员的密码？", asked);
        Assert.Contains("/admin/staff/edit", page.Url);
        await browser.HttpClientAsync(AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword); // the password did not change
    }

    [Fact]
    public async Task The_site_tree_shows_sub_sites_and_stopping_a_site_asks_then_stops_its_sub_sites()
    {
        var (_, top) = await browser.Factory.SiteAsync("树根卡口");
        var senior = await browser.Factory.SeniorAsync(top, "树根扫码");
        var child = (await HttpAssert.Ok(await senior.Client.PostJson("/api/checkpoint/sites", new { name = "树枝卡口", regionCode = "220102" })))
            .GetProperty("id").GetInt64();

        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.GotoAsync("/admin/sites?keyword=树");
        var topRow = page.Locator($"tr[data-site-id='{top}']");
        var childRow = page.Locator($"tr[data-site-id='{child}']");
        await Expect(childRow.Locator("td").First).ToHaveTextAsync("└ 树枝卡口");
        await Expect(childRow.Locator("td").Nth(1)).ToHaveTextAsync("树根卡口");
        await Expect(topRow.Locator("td.num")).ToHaveTextAsync("1");
        await browser.ScreenshotAsync(page, "05-site-tree");

        // 取消 changes nothing; 确定 stops the site and its 下级站点, and their scanners' sessions end.
        page.Dialog += DismissOnce;
        await topRow.Locator("button:text('停用')").ClickAsync();
        page.Dialog -= DismissOnce;
        await Expect(topRow).ToContainTextAsync("正常");
        page.Dialog += Accept;
        await topRow.Locator("button:text('停用')").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("已停用");
        page.Dialog -= Accept;
        await Expect(page.Locator($"tr[data-site-id='{child}']")).ToContainTextAsync("已停用");
        Assert.Equal(HttpStatusCode.Unauthorized, (await senior.Client.GetAsync("/api/checkpoint/me")).StatusCode);
    }

    private static void DismissOnce(object? sender, IDialog dialog) => _ = dialog.DismissAsync();
    private static void Accept(object? sender, IDialog dialog) => _ = dialog.AcceptAsync();
}
