using MiniCode.Features.Staff;
using MiniCode.Tests.Appointments;
using MiniCode.Tests.Enterprises;
using MiniCode.Tests.Errands;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Households;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Licences;

namespace MiniCode.Tests.Admin.Pages.CodeManagement;

/// <summary>The 码编号 of shown 企业码, 证照码, 授权码 and 预约码 on their admin pages, and found by it where those records are searched.</summary>
public sealed class ServiceCodeNumbersAdminTests
{
    [Fact]
    public async Task Staff_see_each_record_number_and_find_the_record_by_it()
    {
        using var host = new ErrandsFactory();
        var citizen = await host.CitizenAsync("宇文编号", region: "220102");
        var grantee = await host.CitizenAsync("长孙代办", region: "220102");
        var credit = EnterprisesKit.NewCreditCode("220102");
        var enterpriseName = "长春市" + RegionalWorld.Mark("编号实业");
        await host.RegisterAsync(credit, enterpriseName, "220102", citizen);
        var binding = await citizen.BoundAsync(enterpriseName, credit, "legalRepresentative");
        var enterpriseNumber = (await HttpAssert.Ok(await citizen.Client.GetAsync($"/api/me/enterprises/{binding}/code"))).Str("codeNumber");
        await host.IssuerRecordAsync(LicenceKit.IdCredential, citizen.IdNumber!);
        var licence = (await citizen.BoundAsync(LicenceKit.IdCredential)).GetProperty("id").GetInt64();
        var licenceNumber = (await HttpAssert.Ok(await citizen.Client.GetAsync($"/api/me/licences/{licence}/code"))).Str("codeNumber");
        var matter = await host.MatterAsync("编号事项", region: "220102");
        var authorisation = (await citizen.GrantToAsync(matter, grantee, "长孙代办", ErrandsKit.Today)).Id();
        await HttpAssert.Ok(await grantee.AnswerAsync(authorisation, accept: true));
        var authorisationNumber = (await HttpAssert.Ok(await grantee.ShowCodeAsync(authorisation))).Str("codeNumber");
        var hall = await host.HallAsync("220102");
        var appointment = await citizen.BookedAsync(hall, await host.SlotAsync(hall, host.TomorrowAtNine()));
        var appointmentNumber = (await HttpAssert.Ok(await citizen.Client.GetAsync($"/api/me/appointments/{appointment}/code"))).Str("codeNumber");
        Assert.Equal(4, new[] { enterpriseNumber, licenceNumber, authorisationNumber, appointmentNumber }.Distinct().Count());

        var (user, password) = await AdminClient.StaffInRegionAsync(host, RegionalWorld.City,
            Permissions.Enterprises, Permissions.CodeManagement, Permissions.Errands, Permissions.Appointments);
        var staff = await AdminClient.LoggedInAsync(host, user, password);

        var enterprises = await staff.GetPageAsync($"/admin/enterprises?q={enterpriseNumber.ToLowerInvariant()}");
        Assert.Contains(enterpriseName, enterprises);
        Assert.Contains(enterpriseNumber, enterprises);
        Assert.DoesNotContain(enterpriseName, await staff.GetPageAsync($"/admin/enterprises?q={licenceNumber}"));
        var enterpriseId = await host.QueryAsync(db => db.Set<Features.Enterprises.Enterprise>().Where(e => e.CreditCode == credit).Select(e => e.Id).SingleAsync());
        Assert.Contains(enterpriseNumber, await staff.GetPageAsync($"/admin/enterprises/detail?id={enterpriseId}"));

        Assert.Contains(licenceNumber, await staff.GetPageAsync($"/admin/codemanagement/licences?id={citizen.PersonId}"));
        var holder = await (await staff.PostFormAsync("/admin/codemanagement", new() { ["codeNumber"] = licenceNumber })).Content.ReadAsStringAsync();
        Assert.Contains($"/admin/codemanagement?id={citizen.PersonId}", holder);
        Assert.DoesNotContain($"/admin/codemanagement?id={grantee.PersonId}", holder);

        var authorisations = await (await staff.PostFormAsync("/admin/errands/authorisations", new() { ["CodeNumber"] = authorisationNumber })).Content.ReadAsStringAsync();
        Assert.Contains($"/admin/errands/authorisation?id={authorisation}", authorisations);
        var none = await (await staff.PostFormAsync("/admin/errands/authorisations", new() { ["CodeNumber"] = appointmentNumber })).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"/admin/errands/authorisation?id={authorisation}", none);
        Assert.Contains(authorisationNumber, await staff.GetPageAsync($"/admin/errands/authorisation?id={authorisation}"));

        var day = await staff.GetPageAsync($"/admin/appointments/day?hallId={hall.HallId}&codeNumber={appointmentNumber}");
        Assert.Contains(appointmentNumber, day);
        Assert.Contains("共 1 条", day);
        Assert.Contains("共 0 条", await staff.GetPageAsync($"/admin/appointments/day?hallId={hall.HallId}&codeNumber={enterpriseNumber}"));
    }
}
