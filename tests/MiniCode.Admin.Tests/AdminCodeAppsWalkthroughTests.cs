using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using MiniCode.Features.HealthCodes.Logs;
using MiniCode.Features.Staff;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>码应用管理 and 日志记录 in the browser: an application's key shown once, rotated, its 扫码权限 switched off
/// (its verify call then answers 403); a holder's 亮码记录 found by ID number without the number in any URL.</summary>
public sealed class AdminCodeAppsWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task An_application_registered_rotated_and_switched_off_in_the_admin_is_refused_by_verify()
    {
        var page = await browser.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.GotoAsync("/admin/codeapps");
        var form = page.Locator("form:has(button[name=create])");
        await form.Locator("input[name=name]").FillAsync("社区门禁系统");
        await form.Locator("input[name=owner]").FillAsync("某物业 孙七");
        await form.Locator("input[name=regionCode]").FillAsync("220102");
        await form.Locator("input[name=verifyEnabled]").CheckAsync();
        await form.Locator("input[name=verifyCategories][value=personal]").CheckAsync();
        await form.Locator("button[name=create]").ClickAsync();
        var key = await page.Locator("#new-key code").InnerTextAsync();
        Assert.StartsWith("mca_", key, StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "120-code-app-key");
        await page.GotoAsync("/admin/codeapps");
        await Expect(page.Locator("#new-key")).ToHaveCountAsync(0); // shown once
        Assert.DoesNotContain(key, await page.ContentAsync());

        using var app = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        app.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" })).StatusCode);

        var row = page.Locator("tr[data-app=社区门禁系统]");
        await row.Locator("button[name=rotate]").ClickAsync();
        var rotated = await page.Locator("#new-key code").InnerTextAsync();
        Assert.NotEqual(key, rotated);
        Assert.NotEqual(HttpStatusCode.OK, (await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" })).StatusCode); // the old key is gone
        app.DefaultRequestHeaders.Remove("X-Api-Key");
        app.DefaultRequestHeaders.Add("X-Api-Key", rotated);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" })).StatusCode);

        await page.Locator("tr[data-app=社区门禁系统] button[name=switch-verify]").ClickAsync();
        await Expect(page.Locator("tr[data-app=社区门禁系统] button[name=switch-verify]")).ToContainTextAsync("开启");
        var refused = await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("codes.verify_not_permitted", await refused.Content.ReadAsStringAsync());
        await browser.ScreenshotAsync(page, "121-code-app-verify-off");
    }

    [Fact]
    public async Task A_holders_show_records_are_found_by_id_number_and_shown_masked()
    {
        var citizen = await browser.CitizenAsync("孙日志");
        await citizen.DeclareAsync();
        await citizen.CodeAsync();
        await browser.Factory.Services.GetServices<IHostedService>().OfType<CodeEventFlushService>().Single().FlushAsync(CancellationToken.None);
        var (user, password) = await MiniCode.Tests.Admin.AdminClient.StaffWithAsync(browser.Factory, Permissions.CodeLogs);
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, user, password);

        await page.GotoAsync("/admin/codelogs");
        await page.Locator("#log-kinds a", new() { HasText = "亮码记录" }).ClickAsync();
        await page.Locator("#id-search input[name=idNumber]").FillAsync(citizen.IdNumber!);
        await page.Locator("#id-search button[type=submit]").ClickAsync();
        await Expect(page.Locator("#id-search-active")).ToBeVisibleAsync();
        Assert.DoesNotContain(citizen.IdNumber![^6..], page.Url, StringComparison.OrdinalIgnoreCase);
        await Expect(page.Locator("#log-rows tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#log-rows tbody")).ToContainTextAsync("个人码");
        Assert.DoesNotContain(citizen.IdNumber, await page.Locator("#log-rows").InnerTextAsync());
        await browser.ScreenshotAsync(page, "122-code-logs");
    }
}
