using System.Net;
using MiniCode.Features.Staff;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Licences;

namespace MiniCode.Tests.Admin.Pages.CodeManagement;

/// <summary>个人码管理 → 电子证照 over HTTP: a person's bound licences, masked, within the jurisdiction only, behind the permission.</summary>
public sealed class PersonLicencesPageTests
{
    [Fact]
    public async Task City_staff_see_the_bound_licences_of_their_people_masked_and_nobody_else_s()
    {
        using var host = new HealthCodesFactory();
        var citizen = await host.CitizenAsync("宇文持证", region: "220102");
        var outsider = await host.CitizenAsync("长孙外地", region: "220202");
        await host.IssuerRecordAsync(LicenceKit.SocialSecurity, citizen.IdNumber!, licenceNumber: "SSC-0012345678");
        var social = await citizen.BoundAsync(LicenceKit.SocialSecurity);
        var idCard = await citizen.BoundAsync(LicenceKit.IdCredential);
        Assert.Equal(HttpStatusCode.NoContent, (await citizen.Client.DeleteAsync($"/api/me/licences/{idCard.GetProperty("id").GetInt64()}")).StatusCode);
        await outsider.BoundAsync(LicenceKit.SocialSecurity);

        var (user, password) = await AdminClient.StaffInRegionAsync(host, RegionalWorld.City, Permissions.CodeManagement);
        var staff = await AdminClient.LoggedInAsync(host, user, password);
        var detail = await staff.GetPageAsync($"/admin/codemanagement?id={citizen.PersonId}");
        Assert.Contains($"/admin/codemanagement/licences?id={citizen.PersonId}", detail);

        var page = await staff.GetPageAsync($"/admin/codemanagement/licences?id={citizen.PersonId}");
        Assert.Contains("宇**", page);
        Assert.Contains("社会保障卡", page);
        Assert.Contains(social.GetProperty("licenceNumber").GetString()!, page);
        Assert.Contains("已解除绑定", page); // the unbound 居民身份电子凭证, listed apart
        Assert.DoesNotContain("SSC-0012345678", page);
        Assert.DoesNotContain(citizen.IdNumber!, page);
        Assert.DoesNotContain("宇文持证", page);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/codemanagement/licences?id={outsider.PersonId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/admin/codemanagement/licences?id=999999")).StatusCode);
        var (plainUser, plainPassword) = await AdminClient.StaffInRegionAsync(host, RegionalWorld.City, Permissions.Enterprises);
        var withoutPermission = await AdminClient.LoggedInAsync(host, plainUser, plainPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await withoutPermission.Http.GetAsync($"/admin/codemanagement/licences?id={citizen.PersonId}")).StatusCode);
    }
}
