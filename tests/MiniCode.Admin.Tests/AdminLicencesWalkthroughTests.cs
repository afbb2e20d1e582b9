using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Licences;
using MiniCode.Features.Staff;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>电子证照 in the admin: the seeded types, a new type, editing, disabling; what citizens are offered follows; a person's bound licences.</summary>
public sealed class AdminLicencesWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    private async Task<string[]> OfferedAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var types = await http.GetFromJsonAsync<JsonElement>("/api/licence-types");
        return types.EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray();
    }

    [Fact]
    public async Task Licence_types_are_listed_created_edited_and_disabled()
    {
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.ClickAsync("nav.sidebar >> text=电子证照");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/licences$"));
        var rows = page.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("居民身份电子凭证");
        await Expect(rows.Nth(1)).ToContainTextAsync("社会保障卡");

        await page.ClickAsync("text=新增证照类型");
        await page.FillAsync("input[name=Name]", "机动车驾驶证");
        await page.FillAsync("input[name=CatalogueCode]", "Driving Licence");
        await page.FillAsync("input[name=IssuerName]", "公安部交通管理局");
        await page.EvaluateAsync("() => document.querySelector('input[name=CatalogueCode]').removeAttribute('pattern')"); // the server checks too
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator(".errors")).ToContainTextAsync("目录编码须为");
        await page.FillAsync("input[name=CatalogueCode]", "driving_licence");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已保存");
        await Expect(rows).ToHaveCountAsync(3);
        Assert.Contains("机动车驾驶证", await OfferedAsync());

        var driving = page.Locator("tr[data-code=driving_licence]");
        await driving.Locator("text=编辑").ClickAsync();
        await page.FillAsync("input[name=Name]", "电子驾驶证");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(driving).ToContainTextAsync("电子驾驶证");
        await browser.ScreenshotAsync(page, "70-licence-types");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // the confirmation
        await driving.Locator("button:text-is('停用')").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("已停用");
        await Expect(driving).ToContainTextAsync("已停用");
        Assert.DoesNotContain("电子驾驶证", await OfferedAsync());
        await driving.Locator("button:text-is('启用')").ClickAsync();
        await Expect(driving.Locator(".badge")).ToHaveTextAsync("启用");
        Assert.Contains("电子驾驶证", await OfferedAsync());

        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<AuditEntry>()
            .Where(e => e.TargetType == "licence_type").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["licences.type_create", "licences.type_update", "licences.type_disable", "licences.type_enable"], actions);
    }

    [Fact]
    public async Task A_bound_type_keeps_its_catalogue_code_and_shows_its_count()
    {
        // A binding as the mini program makes it (the HTTP flow is tested in MiniCode.Tests.Licences; on Kestrel the
        // test host cannot route the issuer client to its simulator).
        var citizen = await browser.CitizenAsync("张三");
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            var type = await db.Set<LicenceType>().SingleAsync(t => t.CatalogueCode == "social_security_card");
            db.Add(new LicenceBinding
            {
                PersonId = citizen.PersonId!.Value, LicenceTypeId = type.Id, LicenceNumberCipher = "v1:x", LicenceNumberIndex = "idx", LicenceNumberMasked = "SSC*****0001",
                HolderMasked = "张*", Issuer = "模拟签发机构", ValidFrom = new DateOnly(2020, 1, 1), SortOrder = 1, BoundAt = browser.Factory.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.GotoAsync("/admin/licences");
        var social = page.Locator("tr[data-code=social_security_card]");
        await Expect(social.Locator("td.num")).ToHaveTextAsync("1");
        await social.Locator("text=编辑").ClickAsync();
        await Expect(page.Locator("input[name=CatalogueCode]")).ToHaveAttributeAsync("readonly", new System.Text.RegularExpressions.Regex(".*"));
        await Expect(page.Locator("main")).ToContainTextAsync("目录编码不能再修改");

        // 个人码管理 → the person's bound licences, masked.
        await page.GotoAsync($"/admin/codemanagement?id={citizen.PersonId}");
        await page.ClickAsync("#person-licences");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/codemanagement/licences\\?id="));
        var licence = page.Locator("#licences tbody tr");
        await Expect(licence).ToHaveCountAsync(1);
        await Expect(licence).ToContainTextAsync("社会保障卡");
        await Expect(licence).ToContainTextAsync("SSC*****0001");
        await Expect(licence).ToContainTextAsync("长期");
        await browser.ScreenshotAsync(page, "71-person-licences");
    }
}
