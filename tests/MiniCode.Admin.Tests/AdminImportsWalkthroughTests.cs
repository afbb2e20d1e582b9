using System.Text;
using Microsoft.Playwright;
using MiniCode.Features.Staff;
using MiniCode.Tests.Admin;
using MiniCode.Tests.HealthCodes;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>
/// 健康数据导入: a staff member uploads a CSV of one kind, it waits for a second staff member's approval, who applies it;
/// the rejected-rows report is masked.
/// </summary>
public sealed class AdminImportsWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task Risk_list_upload_waits_for_a_second_staff_member_who_approves_it_and_the_colour_changes()
    {
        var citizen = await browser.CitizenAsync("钱二");
        await citizen.DeclareAsync();
        Assert.Equal("green", await citizen.ColorAsync());
        var csv = "document_type,document_number,kind,starts_on,ends_on\n" +
                  $"ResidentId,{citizen.IdNumber},close_contact,2026-11-20,\n" +
                  $"ResidentId,{citizen.IdNumber},unknown_kind,2026-11-20,\n";

        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.GotoAsync("/admin/imports");
        await page.ClickAsync("#upload button[type=submit]");
        await Expect(page.Locator(".errors")).ToContainTextAsync("请选择要上传的 CSV 文件");

        await page.SelectOptionAsync("#upload select[name=kind]", "RiskList");
        await page.SetInputFilesAsync("#upload input[name=file]",
            new FilePayload { Name = "risk.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#upload button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("共 2 行，待导入 1 行，拒绝 1 行");
        await Expect(page.Locator("#summary")).ToContainTextAsync("待审批");
        Assert.Equal("green", await citizen.ColorAsync()); // nothing applied yet

        // The submitter's own approval is refused.
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.ClickAsync("#pending tbody tr >> text=批准");
        await Expect(page.Locator(".errors")).ToContainTextAsync("导入须由另一名工作人员审批");
        Assert.Equal("green", await citizen.ColorAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#recent >> text=被拒绝行"));
        var report = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("行号,原因,原始内容", report.TrimStart('\uFEFF'));
        Assert.Contains("unknown_kind", report);
        Assert.DoesNotContain(citizen.IdNumber!, report);
        Assert.Equal(2, report.Trim().Split('\n').Length);

        // A second staff member with the approve permission applies it.
        var (reviewer, password) = await AdminClient.StaffWithAsync(browser.Factory, Permissions.HealthImports, Permissions.HealthImportsApprove);
        var second = await browser.NewPageAsync();
        await browser.LoginAsync(second, reviewer, password);
        await second.GotoAsync("/admin/imports");
        second.Dialog += (_, dialog) => dialog.AcceptAsync();
        await second.ClickAsync("#pending tbody tr >> text=批准");
        await Expect(second.Locator(".flash")).ToContainTextAsync("导入已审批生效：接受 1 行，拒绝 1 行，重新计算 1 人");
        await Expect(second.Locator("#summary")).ToContainTextAsync("已生效");
        await browser.ScreenshotAsync(second, "90-health-imports");
        Assert.Equal("orange", await citizen.ColorAsync());

        await page.GotoAsync("/admin/audit?action=health_data.import_approve");
        await Expect(page.Locator("table tbody tr").First).ToContainTextAsync("health_data.import_approve");
    }

    [Fact]
    public async Task Upload_larger_than_the_default_body_limit_is_accepted_up_to_the_import_limit()
    {
        var client = await browser.HttpClientAsync(AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        var html = await client.GetPageAsync("/admin/imports");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        // 5 MB: more than MiniCode:Limits:MaxRequestBodyBytes (4 MB by default), far below the import limit.
        var csv = "region_code,starts_on,ends_on\n" + string.Concat(Enumerable.Repeat("999999,2026-11-20,\n", 5 * 1024 * 1024 / 19));
        using var body = new MultipartFormDataContent
        {
            { new StringContent(System.Net.WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("Regions"), "kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "regions.csv" },
        };
        var response = await client.Http.PostAsync("/admin/imports", body);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Import_pages_need_the_imports_permission()
    {
        var (user, password) = await AdminClient.StaffWithAsync(browser.Factory, Permissions.Faq);
        var client = await browser.HttpClientAsync(user, password);
        Assert.Equal(403, (int)(await client.Http.GetAsync("/admin/imports")).StatusCode);
        Assert.Equal(403, (int)(await client.Http.GetAsync("/admin/imports/rejected?id=1")).StatusCode);
    }
}
