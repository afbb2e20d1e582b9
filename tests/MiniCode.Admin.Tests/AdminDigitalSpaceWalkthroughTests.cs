using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniCode.Features.Staff;
using MiniCode.Tests.DigitalSpace;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>数字空间 in the browser: a tag kind created, a tag imported for a citizen and seen in the list, the citizen's objection upheld.</summary>
public sealed class AdminDigitalSpaceWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task A_kind_is_created_a_tag_imported_and_an_objection_upheld()
    {
        var citizen = await browser.CitizenAsync("赵六");
        var page = await browser.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // the data-confirm confirmations
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.ClickAsync("nav.sidebar >> text=数字空间");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/digitalspace$"));

        var form = page.Locator("#add-kind");
        await form.Locator("input[name='Form.Name']").FillAsync("重点关爱人群");
        await form.Locator("input[name='Form.Source']").FillAsync("民政部门名单导入");
        await form.Locator("input[name='Form.Purpose']").FillAsync("社区上门服务");
        await form.Locator("select[name='Form.BasisKind']").SelectOptionAsync("StatutoryDuty");
        await form.Locator("input[name='Form.BasisReference']").FillAsync("民政通知〔2026〕3号");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("已新增标签类型“重点关爱人群”");
        await Expect(page.Locator("table#kinds")).ToContainTextAsync("民政通知〔2026〕3号");
        await browser.ScreenshotAsync(page, "90-digital-space-kinds");

        await page.ClickAsync("table#kinds >> text=查看标签");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/digitalspace/tags"));
        await page.SetInputFilesAsync("#upload input[name=file]", new FilePayload
        {
            Name = "tags.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(DigitalSpaceKit.Header + DigitalSpaceKit.Row("重点关爱人群", citizen.IdNumber!)),
        });
        await page.ClickAsync("#upload button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("贴标签 1 行，拒绝 0 行");
        await Expect(page.Locator("table#tags")).ToContainTextAsync("赵*");
        await Expect(page.Locator("table#tags")).ToContainTextAsync("有效");
        await Expect(page.Locator("table#tags")).Not.ToContainTextAsync(citizen.IdNumber!);

        var tags = await citizen.Client.GetFromJsonAsync<JsonElement>("/api/me/tags");
        var tagId = tags[0].GetProperty("id").GetInt64();
        Assert.True((await citizen.Client.PostAsJsonAsync($"/api/me/tags/{tagId}/objection", new { reason = "本人不属于该人群" })).IsSuccessStatusCode);

        await page.ClickAsync("#tabs >> text=异议审核");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/digitalspace/objections"));
        var row = page.Locator("table#objections tr:has-text('本人不属于该人群')");
        await Expect(row).ToContainTextAsync("待处理");
        await row.Locator("textarea[name=answer]").FillAsync("经核实不属于该人群，已删除标签");
        await row.Locator("button:text('属实（删除标签）')").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("异议属实，标签已删除");
        await browser.ScreenshotAsync(page, "91-digital-space-objections");

        var outcome = await citizen.Client.GetFromJsonAsync<JsonElement>($"/api/me/tags/{tagId}/objection");
        Assert.Equal(("upheld", "经核实不属于该人群，已删除标签"), (outcome.GetProperty("status").GetString(), outcome.GetProperty("answer").GetString()));
    }
}
