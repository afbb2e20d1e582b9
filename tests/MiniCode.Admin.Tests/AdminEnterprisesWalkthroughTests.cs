using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniCode.Data;
using MiniCode.Features.Appointments;
using MiniCode.Features.Enterprises;
using MiniCode.Features.Staff;
using MiniCode.Tests.Appointments;
using MiniCode.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>
/// 企业码管理 and 预约签到 in Chromium: staff find an enterprise, see its bound staff masked, suspend it (the citizen's code is
/// refused) and resume it; the counter pastes an appointment code, sees it masked and marks the arrival.
/// </summary>
public sealed class AdminEnterprisesWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task Staff_suspend_and_resume_an_enterprise_and_the_counter_marks_an_arrival()
    {
        var legal = await browser.CitizenAsync("上官法人");
        var (enterpriseId, bindingId) = await BoundEnterpriseAsync(legal.PersonId!.Value, "长春市上官科技有限公司", "91220102MA0Y5BQ7XB");
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);

        await page.GotoAsync("/admin/enterprises");
        await page.FillAsync("input[name=q]", "上官科技");
        await page.ClickAsync("form.filters button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("q="));
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await page.ClickAsync("table >> text=查看");
        await Expect(page.Locator("#bound-staff tbody")).ToContainTextAsync("上***");
        await Expect(page.Locator("#bound-staff tbody")).ToContainTextAsync("法定代表人");
        Assert.DoesNotContain("上官法人", await page.ContentAsync());
        await browser.ScreenshotAsync(page, "80-enterprise-detail");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // the data-confirm confirmations
        await page.FillAsync("textarea[name=reason]", "核查中");
        await page.ClickAsync("button.danger");
        await Expect(page.Locator("#enterprise-status")).ToContainTextAsync("已暂停");
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await legal.Client.GetAsync($"/api/me/enterprises/{bindingId}/code")).StatusCode);
        await page.ClickAsync("text=恢复企业码");
        await Expect(page.Locator("#enterprise-status")).ToContainTextAsync("正常");
        Assert.True((await legal.Client.GetAsync($"/api/me/enterprises/{bindingId}/code")).IsSuccessStatusCode);
        await page.GotoAsync("/admin/audit?action=enterprise.suspend");
        await Expect(page.Locator("table")).ToContainTextAsync("enterprise.suspend");
        Assert.True(enterpriseId > 0);

        // 预约签到: a booking starting in half an hour, its code pasted at the counter.
        var hall = await browser.Factory.HallAsync("220102", "护照办理");
        var slot = await browser.Factory.SlotAsync(hall, browser.Factory.Clock.GetUtcNow().AddMinutes(30));
        var appointment = await legal.BookedAsync(hall, slot);
        await page.GotoAsync("/admin/appointmentcounter");
        await page.FillAsync("textarea[name=Payload]", await legal.CodePayloadAsync(appointment));
        await page.ClickAsync("button:text('核验')");
        await Expect(page.Locator("#verification")).ToContainTextAsync("预约码有效");
        await Expect(page.Locator("#verification")).ToContainTextAsync("护照办理");
        await browser.ScreenshotAsync(page, "81-appointment-counter");
        await page.ClickAsync("button:text('标记到场')");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已签到");
        await page.GotoAsync($"/admin/appointments/day?hallId={hall.HallId}");
        await Expect(page.Locator("table tbody")).ToContainTextAsync("已到场");
    }

    /// <summary>An enterprise and its legal representative's binding, as a verified bind would leave them.</summary>
    private async Task<(long EnterpriseId, long BindingId)> BoundEnterpriseAsync(long personId, string name, string creditCode)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var now = browser.Factory.Clock.GetUtcNow();
        var enterprise = new Enterprise { Name = name, CreditCode = creditCode, RegionCode = "220102", Status = EnterpriseStatus.Active, CreatedAt = now };
        db.Add(enterprise);
        await db.SaveChangesAsync();
        var binding = new EnterpriseBinding { EnterpriseId = enterprise.Id, PersonId = personId, Role = EnterpriseRole.LegalRepresentative, BoundAt = now };
        db.Add(binding);
        await db.SaveChangesAsync();
        return (enterprise.Id, binding.Id);
    }
}
