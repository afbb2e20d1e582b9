using Microsoft.Playwright;
using MiniCode.Features.Staff;
using MiniCode.Tests.Admin;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>Logs in with the bootstrap super-admin and walks the main flow of every admin area, screenshotting each.</summary>
public sealed class AdminWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task Login_page_renders_styled_and_rejects_a_wrong_password()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/admin/login");
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('button')).backgroundColor");
        Assert.Equal("rgb(31, 111, 235)", background); // our stylesheet was served
        await browser.ScreenshotAsync(page, "00-login");
        await page.FillAsync("input[name=Username]", AdminOptions.DevelopmentUser);
        await page.FillAsync("input[name=Password]", "not-the-password");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator(".errors")).ToContainTextAsync("账号或密码错误");
    }

    [Fact]
    public async Task Organisations_sites_staff_and_roles()
    {
        var page = await browser.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // the data-confirm confirmations (password reset)
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await Expect(page.Locator("nav.sidebar")).ToContainTextAsync("机构与场所");
        await browser.ScreenshotAsync(page, "01-home");

        await page.GotoAsync("/admin/organisations/create");
        await page.FillAsync("input[name=Name]", "吉林省卫生健康委员会");
        await page.FillAsync("input[name=RegionCode]", "220000");
        await page.FillAsync("input[name=Address]", "长春市南关区");
        await page.ClickAsync("form.card button[type=submit]");
        await page.GotoAsync("/admin/organisations/create");
        await page.SelectOptionAsync("select[name=ParentId]", new SelectOptionValue { Label = "吉林省卫生健康委员会（220000）" });
        await page.FillAsync("input[name=Name]", "长春市朝阳区疫情防控指挥部");
        await page.FillAsync("input[name=RegionCode]", "220104");
        await page.FillAsync("textarea[name=Remarks]", "区级指挥部");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已添加");
        await Expect(page.Locator(".tree")).ToContainTextAsync("长春市朝阳区疫情防控指挥部");
        await page.FillAsync("input[name=keyword]", "朝阳");
        await page.ClickAsync("form.filters button[type=submit]");
        await Expect(page.Locator("section table tbody tr")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync(page, "02-organisations");

        await page.GotoAsync("/admin/sites/create");
        await page.SelectOptionAsync("select[name=OrganisationId]", new SelectOptionValue { Label = "长春市朝阳区疫情防控指挥部（220104）" });
        await page.FillAsync("input[name=Name]", "红旗街万达广场");
        await page.FillAsync("input[name=RegionCode]", "220104");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator("table")).ToContainTextAsync("红旗街万达广场");
        await browser.ScreenshotAsync(page, "03-sites");

        await page.GotoAsync("/admin/roles/edit");
        await page.FillAsync("input[name=Name]", "区级管理员");
        await page.FillAsync("input[name=Description]", "管理本区机构与人员");
        await page.CheckAsync("input[value='orgs.manage']");
        await page.CheckAsync("input[value='staff.manage']");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator("table")).ToContainTextAsync("区级管理员");
        await browser.ScreenshotAsync(page, "04-roles");

        await page.GotoAsync("/admin/staff/create");
        await page.FillAsync("input[name=Username]", "zhaoyang01");
        await page.FillAsync("input[name=Name]", "王芳");
        await page.FillAsync("input[name=IdNumber]", "11010519491231002X");
        await page.FillAsync("input[name=Password]", "Chaoyang#2026");
        await page.SelectOptionAsync("select[name=OrganisationId]", new SelectOptionValue { Label = "长春市朝阳区疫情防控指挥部（220104）" });
        await page.SelectOptionAsync("select[name=RoleId]", new SelectOptionValue { Label = "区级管理员" });
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已添加");
        await page.FillAsync("input[name=idNumber]", "11010519491231002x");
        await page.ClickAsync("#id-search button[type=submit]");
        Assert.DoesNotContain("1231002", page.Url, StringComparison.OrdinalIgnoreCase); // posted, not in the URL
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table tbody")).ToContainTextAsync("110***********002X");
        Assert.DoesNotContain("11010519491231002", await page.ContentAsync()); // the searched ID number is not echoed back
        await browser.ScreenshotAsync(page, "05-staff");
        await page.ClickAsync("text=编辑");
        await page.SelectOptionAsync("select[name=Status]", "Disabled");
        await page.FillAsync("textarea[name=Remarks]", "调岗停用");
        await page.ClickAsync("form.card >> text=保存");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已保存");
        await page.FillAsync("input[name=NewPassword]", "NewPass#2026");
        await page.FillAsync("input[name=CurrentPassword]", AdminOptions.DevelopmentPassword);
        await page.ClickAsync("text=重置密码 >> nth=-1");
        await Expect(page.Locator(".flash")).ToContainTextAsync("密码已重置");
        await browser.ScreenshotAsync(page, "06-staff-edit");

        await page.GotoAsync("/admin/audit?action=staff.");
        await Expect(page.Locator("table")).ToContainTextAsync("staff.update");
        await Expect(page.Locator("table")).ToContainTextAsync("调岗停用");
        await browser.ScreenshotAsync(page, "07-audit");
    }

    [Fact]
    public async Task Role_without_a_permission_is_refused_with_403()
    {
        var (user, password) = await AdminClient.StaffWithAsync(browser.Factory, Permissions.Faq);
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, user, password);
        await Expect(page.Locator("nav.sidebar")).Not.ToContainTextAsync("人员管理");
        var response = await page.GotoAsync("/admin/staff");
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("h1")).ToContainTextAsync("403");
        await browser.ScreenshotAsync(page, "99-forbidden");
        Assert.Equal(200, (await page.GotoAsync("/admin/faq"))!.Status);
    }
}
