using System.Net;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;

namespace MiniCode.Tests.Admin.Pages.Sites;

/// <summary>/admin/sites and /admin/sites/create show, toggle and create only the sites of the jurisdiction.</summary>
public sealed class SitesJurisdictionTests(JurisdictionWorld world) : IClassFixture<JurisdictionWorld>
{
    [Fact]
    public async Task City_staff_list_only_the_sites_and_organisations_of_their_city_and_its_districts()
    {
        var staff = await world.CityStaffAsync(Permissions.Organisations);
        var html = await staff.GetPageAsync("/admin/sites");
        Assert.Contains("本辖区：220100", html);
        Assert.Contains(world.CityPlace.SiteName, html);
        Assert.Contains(world.District.SiteName, html);
        foreach (var outside in new[] { world.Province, world.OtherCity, world.OtherProvince, world.OtherDistrict })
        {
            Assert.DoesNotContain(outside.SiteName, html);
            Assert.DoesNotContain(outside.OrgName, html); // nor in the organisation filter
        }
    }

    [Fact]
    public async Task City_staff_filters_and_searches_stay_inside_the_jurisdiction()
    {
        var staff = await world.CityStaffAsync(Permissions.Organisations);
        var byCity = await staff.GetPageAsync($"/admin/sites?organisationId={world.CityPlace.OrgId}");
        Assert.Contains(world.CityPlace.SiteName, byCity);
        Assert.Contains(world.District.SiteName, byCity); // the city's jurisdiction includes its district's sites
        var byOutsideOrg = await staff.GetPageAsync($"/admin/sites?organisationId={world.OtherDistrict.OrgId}");
        Assert.DoesNotContain(world.OtherDistrict.SiteName, byOutsideOrg);
        Assert.Contains("没有场所", byOutsideOrg);
        var byProvince = await staff.GetPageAsync($"/admin/sites?organisationId={world.Province.OrgId}");
        Assert.DoesNotContain(world.OtherCity.SiteName, byProvince);
        Assert.DoesNotContain(world.Province.SiteName, byProvince);
        var byName = await staff.GetPageAsync("/admin/sites?keyword=" + Uri.EscapeDataString("广场"));
        Assert.Contains(world.CityPlace.SiteName, byName);
        Assert.DoesNotContain(world.OtherCity.SiteName, byName);
    }

    [Fact]
    public async Task Toggling_a_site_outside_the_jurisdiction_answers_404_and_changes_nothing()
    {
        var staff = await world.CityStaffAsync(Permissions.Organisations);
        foreach (var outside in new[] { world.OtherCity, world.OtherDistrict, world.Province })
        {
            var response = await staff.PostFormAsync("/admin/sites", new() { ["id"] = outside.SiteId.ToString() }, "/admin/sites?handler=Toggle");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(SiteStatus.Active, await world.QueryAsync(db => db.Set<Site>().Where(s => s.Id == outside.SiteId).Select(s => s.Status).SingleAsync()));
            Assert.Equal(0, await world.AuditCountAsync("site", outside.SiteId));
        }
    }

    [Fact]
    public async Task Toggling_a_site_inside_the_jurisdiction_is_allowed_and_audited()
    {
        var staff = await world.CityStaffAsync(Permissions.Organisations);
        var site = world.District.SiteId;
        var before = await world.AuditCountAsync("site", site);
        var stopped = await staff.PostFormAsync("/admin/sites", new() { ["id"] = site.ToString() }, "/admin/sites?handler=Toggle");
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(SiteStatus.Stopped, await world.QueryAsync(db => db.Set<Site>().Where(s => s.Id == site).Select(s => s.Status).SingleAsync()));
        var started = await staff.PostFormAsync("/admin/sites", new() { ["id"] = site.ToString() }, "/admin/sites?handler=Toggle");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(SiteStatus.Active, await world.QueryAsync(db => db.Set<Site>().Where(s => s.Id == site).Select(s => s.Status).SingleAsync()));
        Assert.Equal(before + 2, await world.AuditCountAsync("site", site));
    }

    [Fact]
    public async Task Creating_a_site_outside_the_jurisdiction_is_refused_and_writes_nothing()
    {
        var staff = await world.CityStaffAsync(Permissions.Organisations);
        var form = await staff.GetPageAsync("/admin/sites/create");
        Assert.Contains(world.District.OrgName, form);
        Assert.DoesNotContain(world.OtherCity.OrgName, form);

        var otherCity = await staff.PostFormAsync("/admin/sites/create", new()
        {
            ["OrganisationId"] = world.OtherCity.OrgId.ToString(), ["Name"] = "越界场所甲", ["RegionCode"] = "220200",
        });
        Assert.Equal(HttpStatusCode.OK, otherCity.StatusCode);
        Assert.Contains("所属机构不存在或不在本辖区内", await otherCity.Content.ReadAsStringAsync());
        var outsideRegion = await staff.PostFormAsync("/admin/sites/create", new()
        {
            ["OrganisationId"] = world.CityPlace.OrgId.ToString(), ["Name"] = "越界场所乙", ["RegionCode"] = "110101",
        });
        Assert.Equal(HttpStatusCode.OK, outsideRegion.StatusCode);
        Assert.Contains("场所必须在本辖区（220100）内", await outsideRegion.Content.ReadAsStringAsync());

        Assert.False(await world.QueryAsync(db => db.Set<Site>().AnyAsync(s => s.Name.StartsWith("越界场所"))));
        Assert.Equal(0, await world.AuditCountAsync("site.create", "越界场所"));
    }

    [Fact]
    public async Task Creating_a_site_inside_the_jurisdiction_is_allowed_and_audited()
    {
        var staff = await world.CityStaffAsync(Permissions.Organisations);
        var created = await staff.PostFormAsync("/admin/sites/create", new()
        {
            ["OrganisationId"] = world.District.OrgId.ToString(), ["Name"] = "南关区体育馆", ["RegionCode"] = "220102",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var site = await world.QueryAsync(db => db.Set<Site>().SingleAsync(s => s.Name == "南关区体育馆"));
        Assert.Equal(1, await world.AuditCountAsync("site", site.Id));
        Assert.Contains("南关区体育馆", await staff.GetPageAsync("/admin/sites"));
    }

    [Fact]
    public async Task The_super_user_sees_and_toggles_every_site()
    {
        var admin = await world.SuperUserAsync();
        var html = await admin.GetPageAsync("/admin/sites");
        foreach (var place in new[] { world.Province, world.CityPlace, world.District, world.OtherCity, world.OtherProvince, world.OtherDistrict })
            Assert.Contains(place.SiteName, html);
        var site = world.OtherProvince.SiteId;
        var stopped = await admin.PostFormAsync("/admin/sites", new() { ["id"] = site.ToString() }, "/admin/sites?handler=Toggle");
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(SiteStatus.Stopped, await world.QueryAsync(db => db.Set<Site>().Where(s => s.Id == site).Select(s => s.Status).SingleAsync()));
    }
}
