using System.Net;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;

namespace MiniCode.Tests.Admin.Pages.Organisations;

/// <summary>/admin/organisations and /admin/organisations/create show and accept only the organisations of the jurisdiction.</summary>
public sealed class OrganisationsJurisdictionTests(JurisdictionWorld world) : IClassFixture<JurisdictionWorld>
{
    [Fact]
    public async Task City_staff_see_the_organisations_of_their_city_and_its_districts_only()
    {
        var staff = await world.CityStaffAsync(Permissions.Organisations);
        var html = await staff.GetPageAsync("/admin/organisations");
        Assert.Contains("本辖区：220100", html);
        Assert.Contains(world.CityPlace.OrgName, html);
        Assert.Contains(world.District.OrgName, html);
        Assert.DoesNotContain(world.Province.OrgName, html);
        Assert.DoesNotContain(world.OtherCity.OrgName, html);
        Assert.DoesNotContain(world.OtherProvince.OrgName, html);
        Assert.DoesNotContain(world.OtherDistrict.OrgName, html);
    }

    [Fact]
    public async Task City_staff_searches_find_nothing_outside_the_jurisdiction()
    {
        var staff = await world.CityStaffAsync(Permissions.Organisations);
        var byName = await staff.GetPageAsync("/admin/organisations?keyword=" + Uri.EscapeDataString("指挥部"));
        Assert.Contains(world.District.OrgName, byName);
        Assert.DoesNotContain(world.OtherDistrict.OrgName, byName);
        var wellKnown = await staff.GetPageAsync("/admin/organisations?keyword=" + Uri.EscapeDataString("卫健委"));
        Assert.Contains(world.CityPlace.OrgName, wellKnown);
        Assert.DoesNotContain(world.OtherCity.OrgName, wellKnown);
        Assert.DoesNotContain(world.Province.OrgName, wellKnown);
        var byCode = await staff.GetPageAsync("/admin/organisations?keyword=110101");
        Assert.Contains("没有符合条件的机构", byCode);
        Assert.DoesNotContain(world.OtherDistrict.OrgName, byCode);
    }

    [Fact]
    public async Task The_parent_choice_offers_only_organisations_of_the_jurisdiction()
    {
        var staff = await world.CityStaffAsync(Permissions.Organisations);
        var html = await staff.GetPageAsync("/admin/organisations/create");
        Assert.Contains(world.District.OrgName + "（220102）", html);
        Assert.Contains(world.CityPlace.OrgName + "（220100）", html);
        Assert.DoesNotContain(world.OtherCity.OrgName, html);
        Assert.DoesNotContain(world.Province.OrgName, html);
    }

    [Fact]
    public async Task Creating_an_organisation_outside_the_jurisdiction_is_refused_and_writes_nothing()
    {
        var staff = await world.CityStaffAsync(Permissions.Organisations);
        var underOtherCity = await staff.PostFormAsync("/admin/organisations/create", new()
        {
            ["ParentId"] = world.OtherCity.OrgId.ToString(), ["Name"] = "船营区越界机构", ["RegionCode"] = "220204",
        });
        Assert.Equal(HttpStatusCode.OK, underOtherCity.StatusCode);
        Assert.Contains("上级机构不存在或不在本辖区（220100）内", await underOtherCity.Content.ReadAsStringAsync());

        var otherProvince = await staff.PostFormAsync("/admin/organisations/create", new() { ["Name"] = "朝阳区越界机构", ["RegionCode"] = "110105" });
        Assert.Equal(HttpStatusCode.OK, otherProvince.StatusCode);
        Assert.Contains("地区编码必须在本辖区（220100）内", await otherProvince.Content.ReadAsStringAsync());

        var province = await staff.PostFormAsync("/admin/organisations/create", new() { ["Name"] = "省直越界机构", ["RegionCode"] = "220000" });
        Assert.Contains("地区编码必须在本辖区（220100）内", await province.Content.ReadAsStringAsync());

        Assert.False(await world.QueryAsync(db => db.Set<Organisation>().AnyAsync(o => o.Name.Contains("越界机构"))));
        Assert.Equal(0, await world.AuditCountAsync("organisation.create", "越界机构"));
    }

    [Fact]
    public async Task Creating_an_organisation_inside_the_jurisdiction_is_allowed_and_audited()
    {
        var staff = await world.CityStaffAsync(Permissions.Organisations);
        var created = await staff.PostFormAsync("/admin/organisations/create", new()
        {
            ["ParentId"] = world.District.OrgId.ToString(), ["Name"] = "南关区永长街道", ["RegionCode"] = "220102",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var org = await world.QueryAsync(db => db.Set<Organisation>().SingleAsync(o => o.Name == "南关区永长街道"));
        Assert.Equal(world.District.OrgId, org.ParentId);
        Assert.Equal(1, await world.AuditCountAsync("organisation", org.Id));
        Assert.Contains("南关区永长街道", await staff.GetPageAsync("/admin/organisations"));
    }

    [Fact]
    public async Task The_super_user_sees_and_creates_in_every_region()
    {
        var admin = await world.SuperUserAsync();
        var html = await admin.GetPageAsync("/admin/organisations");
        Assert.DoesNotContain("本辖区：", html);
        foreach (var place in new[] { world.Province, world.CityPlace, world.District, world.OtherCity, world.OtherProvince, world.OtherDistrict })
            Assert.Contains(place.OrgName, html);
        var created = await admin.PostFormAsync("/admin/organisations/create", new()
        {
            ["ParentId"] = world.OtherDistrict.OrgId.ToString(), ["Name"] = "东城区东华门街道", ["RegionCode"] = "110101",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }
}
