using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Tests.Admin;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Posters;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>Poster codes (张贴码): a citizen's poster and check-ins through the API, then staff search, download, export and revoke.</summary>
public sealed class AdminPosterWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task Staff_search_detail_download_check_ins_export_and_revoke_a_poster()
    {
        var owner = await browser.Factory.CitizenAsync("欧阳老板");
        var poster = await owner.ApplyAsync("长春市朝阳区幸福超市");
        var visitor = await browser.Factory.VisitorAsync("司马访客");
        await HttpAssert.Ok(await visitor.CheckInAsync(poster.Payload()));
        var id = poster.Id();

        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.GotoAsync("/admin/posters");
        await page.FillAsync("input[name=q]", "幸福超市");
        await page.FillAsync("input[name=region]", "220100");
        await page.ClickAsync("form.filters button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("region=220100"));
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table tbody")).ToContainTextAsync("王** 138****8000");
        await browser.ScreenshotAsync(page, "70-posters");
        await page.FillAsync("input[name=region]", "110000");
        await page.ClickAsync("form.filters button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("region=110000"));
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(0);

        await page.GotoAsync($"/admin/posters?q=P{id}");
        await page.ClickAsync("table >> text=查看");
        await Expect(page.Locator("h1")).ToContainTextAsync($"P{id}");
        await Expect(page.Locator("table")).ToContainTextAsync("第 1 代");
        Assert.DoesNotContain("13800138000", await page.ContentAsync()); // the contact phone shows masked only
        await browser.ScreenshotAsync(page, "71-poster-detail");
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=A4 海报 PDF"));
        var bytes = await File.ReadAllBytesAsync((await pdf.PathAsync())!);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Equal(poster.Payload(), Assert.Single(PosterKit.DecodePdfPages(bytes))); // the printed QR is the poster's code
        var png = await page.APIRequest.GetAsync($"/admin/posters/detail?handler=Png&id={id}");
        Assert.Equal("image/png", png.Headers["content-type"]);

        await page.ClickAsync("text=登记记录");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table tbody")).ToContainTextAsync("司***");
        Assert.DoesNotContain("司马访客", await page.ContentAsync());
        await browser.ScreenshotAsync(page, "72-poster-checkins");
        var csvFile = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=导出 CSV"));
        var csv = await File.ReadAllTextAsync((await csvFile.PathAsync())!);
        Assert.StartsWith("登记编号,姓名,手机号", csv.TrimStart('\uFEFF'));
        Assert.Contains("司***", csv);
        Assert.DoesNotContain("司马访客", csv);
        // A filter that leaves the visitor out: the page shows nothing; an inverted range is refused on the page.
        var later = browser.Factory.Clock.GetUtcNow().AddHours(9).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("input[name=from]", later);
        await page.ClickAsync("form.filters >> text=查询");
        await Expect(page).ToHaveURLAsync(new Regex("from="));
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(0);
        await page.FillAsync("input[name=to]", "2000-01-01T00:00");
        await page.ClickAsync("form.filters >> text=查询");
        await Expect(page.Locator(".errors")).ToContainTextAsync("结束时间须晚于开始时间");

        await page.GotoAsync($"/admin/posters/detail?id={id}");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // the confirmation
        await page.FillAsync("textarea[name=reason]", "   "); // passes the browser's required check, not the server's
        await page.ClickAsync("form.card button.danger");
        await Expect(page.Locator(".errors")).ToContainTextAsync("停用原因");
        await page.FillAsync("textarea[name=reason]", "场所已停业，张贴码被他人冒用");
        await page.ClickAsync("form.card button.danger");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已停用");
        await Expect(page.Locator(".card").First).ToContainTextAsync("场所已停业");
        await browser.ScreenshotAsync(page, "73-poster-revoked");
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/admin/posters/detail?handler=Pdf&id={id}")).Status);

        await HttpAssert.Problem(await visitor.CheckInAsync(poster.Payload()), HttpStatusCode.Gone, "posters.revoked");
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Action == "poster.revoke").ToListAsync();
        Assert.StartsWith("staff:", Assert.Single(audit).Actor);
    }

    [Fact]
    public async Task Role_without_the_poster_permission_is_refused_and_jurisdiction_limits_what_staff_see()
    {
        var owner = await browser.Factory.CitizenAsync("东方老板");
        var id = (await owner.ApplyAsync("东方茶馆")).Id();

        var (user, password) = await AdminClient.StaffWithAsync(browser.Factory, Permissions.Faq);
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, user, password);
        await Expect(page.Locator("nav.sidebar")).Not.ToContainTextAsync("张贴码");
        Assert.Equal(403, (await page.GotoAsync("/admin/posters"))!.Status);
        Assert.Equal(403, (await page.GotoAsync($"/admin/posters/detail?id={id}"))!.Status);
        Assert.Equal(403, (await page.GotoAsync($"/admin/posters/checkins?id={id}&handler=Export"))!.Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync($"/admin/posters/detail?handler=Pdf&id={id}")).Status);
        await browser.ScreenshotAsync(page, "74-posters-forbidden");
        // The revoke handler is refused too, even with a valid antiforgery token from a page the role may open.
        await page.GotoAsync("/admin/faq");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var revoke = await page.APIRequest.PostAsync($"/admin/posters/detail?handler=Revoke&id={id}", new()
        {
            Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("reason", "越权"), MaxRedirects = 0,
        });
        Assert.Equal(403, revoke.Status);

        // Staff of a Beijing organisation with the permission do not see a Changchun poster.
        var (beijingUser, beijingPassword) = await AdminClient.StaffWithAsync(browser.Factory, Permissions.Posters);
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            var org = new Organisation { Name = "北京市朝阳区卫健委", RegionCode = "110105", CreatedAt = browser.Factory.Clock.GetUtcNow() };
            db.Add(org);
            await db.SaveChangesAsync();
            var staff = await db.Set<StaffMember>().SingleAsync(x => x.Username == beijingUser);
            staff.OrganisationId = org.Id;
            await db.SaveChangesAsync();
        }
        var beijing = await browser.NewPageAsync();
        await browser.LoginAsync(beijing, beijingUser, beijingPassword);
        await beijing.GotoAsync("/admin/posters?q=东方茶馆");
        await Expect(beijing.Locator("table tbody tr")).ToHaveCountAsync(0);
        Assert.Equal(404, (await beijing.GotoAsync($"/admin/posters/detail?id={id}"))!.Status);
        await beijing.GotoAsync("/admin/posters?region=220104");
        await Expect(beijing.Locator(".errors")).ToContainTextAsync("只能查询本辖区");
    }
}
