using System.Net;
using MiniCode.Features.Staff;

namespace MiniCode.Tests.Admin.Pages.Staff;

/// <summary>
/// /admin/staff, /admin/staff/create and /admin/staff/edit show and manage only staff whose organisation lies within the
/// jurisdiction; staff without an organisation are seen only by staff without an organisation.
/// </summary>
public sealed class StaffJurisdictionTests(JurisdictionWorld world) : IClassFixture<JurisdictionWorld>
{
    [Fact]
    public async Task City_staff_list_only_staff_of_their_city_and_its_districts()
    {
        var staff = await world.CityStaffAsync(Permissions.Staff);
        var html = await staff.GetPageAsync("/admin/staff");
        Assert.Contains("本辖区：220100", html);
        Assert.Contains(world.CityPlace.StaffUser, html);
        Assert.Contains(world.District.StaffUser, html);
        foreach (var outside in new[] { world.Province, world.OtherCity, world.OtherProvince, world.OtherDistrict })
            Assert.DoesNotContain(outside.StaffUser, html);
        Assert.DoesNotContain(JurisdictionWorld.UnassignedUser, html);
        Assert.DoesNotContain($"<td>{AdminClient.SuperUser}</td>", html); // the super user has no organisation
    }

    [Fact]
    public async Task City_staff_searches_find_nobody_outside_the_jurisdiction()
    {
        var staff = await world.CityStaffAsync(Permissions.Staff);
        var (_, byId) = await staff.IdSearchAsync("/admin/staff", world.OtherDistrictIdNumber);
        Assert.DoesNotContain(world.OtherDistrict.StaffUser, byId);
        var byUsername = await staff.GetPageAsync("/admin/staff?username=bj_");
        Assert.DoesNotContain(world.OtherProvince.StaffUser, byUsername);
        Assert.DoesNotContain(world.OtherDistrict.StaffUser, byUsername);
        var byName = await staff.GetPageAsync("/admin/staff?name=" + Uri.EscapeDataString("员"));
        Assert.Contains(world.District.StaffName, byName);
        Assert.DoesNotContain(world.OtherCity.StaffName, byName);
        Assert.DoesNotContain("总部员", byName);
    }

    [Fact]
    public async Task Editing_or_resetting_staff_outside_the_jurisdiction_answers_404_and_changes_nothing()
    {
        var staff = await world.CityStaffAsync(Permissions.Staff);
        var formPage = $"/admin/staff/edit?id={world.District.StaffId}";
        foreach (var id in new[] { world.OtherCity.StaffId, world.OtherDistrict.StaffId, world.Province.StaffId, world.UnassignedStaffId })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/staff/edit?id={id}")).StatusCode);
            var before = await world.QueryAsync(db => db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == id));
            var save = await staff.PostFormAsync(formPage, new() { ["id"] = id.ToString(), ["Status"] = "Disabled", ["Remarks"] = "越权停用" },
                "/admin/staff/edit?handler=Save");
            Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
            var reset = await staff.PostFormAsync(formPage, new() { ["id"] = id.ToString(), ["NewPassword"] = "Hijack#pass1", ["CurrentPassword"] = "Passw0rd!x" },
                "/admin/staff/edit?handler=ResetPassword");
            Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
            var after = await world.QueryAsync(db => db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == id));
            Assert.Equal((StaffStatus.Active, before.Remarks, before.PasswordHash, before.SecurityStamp), (after.Status, after.Remarks, after.PasswordHash, after.SecurityStamp));
            Assert.Equal(0, await world.AuditCountAsync("staff", id));
        }
    }

    [Fact]
    public async Task Editing_and_resetting_staff_inside_the_jurisdiction_is_allowed_and_audited()
    {
        var staff = await world.CityStaffAsync(Permissions.Staff);
        var id = world.District.StaffId;
        Assert.Contains(world.District.StaffUser, await staff.GetPageAsync($"/admin/staff/edit?id={id}"));
        var save = await staff.PostFormAsync($"/admin/staff/edit?id={id}", new() { ["id"] = id.ToString(), ["Status"] = "Active", ["Remarks"] = "辖区内备注" },
            "/admin/staff/edit?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var reset = await staff.PostFormAsync($"/admin/staff/edit?id={id}", new() { ["id"] = id.ToString(), ["NewPassword"] = "Nanguan#pass1", ["CurrentPassword"] = "Passw0rd!x" },
            "/admin/staff/edit?handler=ResetPassword");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("辖区内备注", await world.QueryAsync(db => db.Set<StaffMember>().Where(s => s.Id == id).Select(s => s.Remarks).SingleAsync()));
        Assert.Equal(2, await world.AuditCountAsync("staff", id));
        await AdminClient.LoggedInAsync(world, world.District.StaffUser, "Nanguan#pass1");
    }

    [Fact]
    public async Task Creating_staff_offers_and_accepts_only_organisations_of_the_jurisdiction()
    {
        var staff = await world.CityStaffAsync(Permissions.Staff);
        var form = await staff.GetPageAsync("/admin/staff/create");
        Assert.Contains(world.District.OrgName, form);
        Assert.DoesNotContain(world.OtherCity.OrgName, form);
        Assert.DoesNotContain(world.OtherProvince.OrgName, form);

        var outside = await staff.PostFormAsync("/admin/staff/create", Fields("out_jl", world.OtherCity.OrgId));
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains("所属机构不存在或不在本辖区（220100）内", await outside.Content.ReadAsStringAsync());
        var siteOutside = await staff.PostFormAsync("/admin/staff/create",
            new(Fields("out_site", world.District.OrgId)) { ["Type"] = "SiteStaff", ["SiteId"] = world.OtherDistrict.SiteId.ToString() });
        Assert.Contains("场所人员须选择所属机构下的场所", await siteOutside.Content.ReadAsStringAsync());
        var withoutOrganisation = await staff.PostFormAsync("/admin/staff/create", Fields("out_none", null));
        Assert.Contains("请选择所属机构", await withoutOrganisation.Content.ReadAsStringAsync());
        Assert.False(await world.QueryAsync(db => db.Set<StaffMember>().AnyAsync(s => s.Username.StartsWith("out_"))));
        Assert.Equal(0, await world.AuditCountAsync("staff.create", "out_"));

        var inside = await staff.PostFormAsync("/admin/staff/create",
            new(Fields("in_nanguan", world.District.OrgId)) { ["Type"] = "SiteStaff", ["SiteId"] = world.District.SiteId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, inside.StatusCode);
        var created = await world.QueryAsync(db => db.Set<StaffMember>().SingleAsync(s => s.Username == "in_nanguan"));
        Assert.Equal((world.District.OrgId, world.District.SiteId), (created.OrganisationId, created.SiteId));
        Assert.Equal(1, await world.AuditCountAsync("staff", created.Id));
        Assert.Contains("in_nanguan", await staff.GetPageAsync("/admin/staff"));
    }

    [Fact]
    public async Task The_super_user_sees_and_manages_every_staff_member()
    {
        var admin = await world.SuperUserAsync();
        var html = await admin.GetPageAsync("/admin/staff?username=_");
        foreach (var place in new[] { world.Province, world.CityPlace, world.District, world.OtherCity, world.OtherProvince, world.OtherDistrict })
            Assert.Contains(place.StaffUser, html);
        Assert.Contains(JurisdictionWorld.UnassignedUser, html);
        Assert.Contains(world.OtherDistrict.StaffUser, (await admin.IdSearchAsync("/admin/staff", world.OtherDistrictIdNumber)).Page);
        Assert.Contains(JurisdictionWorld.UnassignedUser, await admin.GetPageAsync($"/admin/staff/edit?id={world.UnassignedStaffId}"));
        var id = world.OtherProvince.StaffId;
        var save = await admin.PostFormAsync($"/admin/staff/edit?id={id}", new() { ["id"] = id.ToString(), ["Status"] = "Active", ["Remarks"] = "总部备注" },
            "/admin/staff/edit?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var form = await admin.GetPageAsync("/admin/staff/create");
        Assert.Contains(world.OtherDistrict.OrgName, form);
    }

    private Dictionary<string, string> Fields(string username, long? organisationId) => new()
    {
        ["Username"] = username, ["Name"] = "新人" + username, ["Password"] = "Newbie#pass1", ["Type"] = "OrganisationStaff",
        ["OrganisationId"] = organisationId?.ToString() ?? "", ["RoleId"] = world.RoleId.ToString(), ["Status"] = "Active",
    };
}
