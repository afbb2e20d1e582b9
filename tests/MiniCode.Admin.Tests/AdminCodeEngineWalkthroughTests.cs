using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using MiniCode.Features.Staff;
using MiniCode.Tests.CodeEngine;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>码引擎 and 码样式 in the browser: a third-party category with its numbering rule and issuer, whose codes then
/// verify; a style that the shown code then carries; the interface list from the live OpenAPI document; 个人码管理.</summary>
public sealed class AdminCodeEngineWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task Category_rule_and_issuer_set_up_in_the_admin_make_the_issuers_codes_verify()
    {
        var page = await browser.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.GotoAsync("/admin/codeengine");
        await Expect(page.Locator("#categories")).ToContainTextAsync("张贴码");
        var add = page.Locator("form:has(button:text('添加'))");
        await add.Locator("input[name=code]").FillAsync("transit");
        await add.Locator("input[name=name]").FillAsync("交通出行码");
        await add.Locator("input[name=prefix]").FillAsync("JT");
        await add.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("已添加码分类");
        await page.GotoAsync("/admin/codeengine?q=交通");
        await Expect(page.Locator("#categories tbody tr")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync(page, "80-code-categories");

        await page.GotoAsync("/admin/codeengine/rules");
        var rule = page.Locator("form[data-category=transit]");
        await page.Locator("tr:has(form[data-category=transit]) summary").ClickAsync();
        await rule.Locator("select[name=datePart]").SelectOptionAsync("Year");
        await rule.Locator("input[name=sequenceWidth]").FillAsync("6");
        await rule.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("码规则已保存");
        var sample = await page.Locator("tr:has(form[data-category=transit]) code.sample").InnerTextAsync();
        Assert.Matches("^JT[0-9]{4}000001[0-9A-Z]$", sample);
        await browser.ScreenshotAsync(page, "81-code-rules");

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await page.GotoAsync("/admin/codeengine/issuers");
        var form = page.Locator("form:has(button:text('登记'))");
        await form.Locator("input[name=name]").FillAsync("省交通集团");
        await form.Locator("select[name=category]").SelectOptionAsync("transit");
        await form.Locator("input[name=prefix]").FillAsync("JTM1:");
        await form.Locator("textarea[name=jwks]").FillAsync(ThirdPartyCodeTests.Jwks(key, "t1"));
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("已登记第三方码发码方");
        await browser.ScreenshotAsync(page, "82-code-issuers");

        var scanner = await browser.Factory.ScannerAsync();
        scanner.Client.BaseAddress = new Uri(browser.BaseUrl);
        var now = browser.Factory.Clock.GetUtcNow();
        var code = ThirdPartyCodeTests.Code(key, "JTM1:", "t1", "ticket-1", now, now.AddHours(1));
        var verified = await scanner.Client.VerifyAsync(code);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("transit", verified.GetProperty("category").GetString());
        Assert.Equal("省交通集团", verified.GetProperty("issuer").GetString());

        await page.Locator("#issuers tr:has-text('省交通集团') button:text('停用')").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("已停用");
        Assert.Equal("revoked", (await scanner.Client.VerifyAsync(code)).GetProperty("reason").GetString());
        await page.GotoAsync("/admin/audit?action=code_issuer.disable");
        await Expect(page.Locator("table")).ToContainTextAsync("code_issuer");
    }

    [Fact]
    public async Task A_style_set_in_the_admin_is_what_the_shown_code_carries_and_the_person_is_found_by_code_number()
    {
        var citizen = await browser.CitizenAsync("王五");
        await HttpAssertDeclareAsync(citizen);
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.GotoAsync("/admin/codestyles");
        await page.Locator("select[name=category]").SelectOptionAsync("personal");
        await page.Locator("select[name=color]").SelectOptionAsync("green");
        await page.Locator("input[name=foreground]").FillAsync("#1a2b3c");
        await page.Locator("input[name=icon]").FillAsync("shield");
        await page.Locator("button:text('设为生效样式')").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("新样式已生效");
        await browser.ScreenshotAsync(page, "83-code-styles");

        var code = await citizen.Client.GetFromJsonAsync<JsonElement>("/api/me/code");
        Assert.Equal("#1A2B3C", code.GetProperty("style").GetProperty("foreground").GetString());
        Assert.Equal("shield", code.GetProperty("style").GetProperty("icon").GetString());
        var number = code.GetProperty("codeNumber").GetString()!;

        await page.GotoAsync("/admin/codemanagement");
        await page.Locator("#person-search input[name=codeNumber]").FillAsync(number);
        await page.Locator("#person-search button").ClickAsync();
        await Expect(page.Locator("#hits")).ToContainTextAsync("王*");
        Assert.DoesNotContain("codeNumber=", page.Url);
        await page.Locator("#hits a:text('详情')").ClickAsync();
        await Expect(page.Locator("#person")).ToContainTextAsync(number);
        await Expect(page.Locator("#person")).ToContainTextAsync("绿码");
        await browser.ScreenshotAsync(page, "84-personal-codes");

        await page.GotoAsync("/admin/codeengine/interfaces?q=verify");
        await Expect(page.Locator("#interfaces")).ToContainTextAsync("/api/codes/verify");
        await page.Locator("#interfaces a:text('/api/codes/verify')").ClickAsync();
        await Expect(page.Locator("#schemas")).ToContainTextAsync("payload");
        await browser.ScreenshotAsync(page, "85-interfaces");
    }

    private static async Task HttpAssertDeclareAsync(MiniCode.Tests.Infrastructure.TestUser citizen)
    {
        var response = await citizen.Client.PostAsJsonAsync("/api/me/declaration", HealthCodeKit.Declaration());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
