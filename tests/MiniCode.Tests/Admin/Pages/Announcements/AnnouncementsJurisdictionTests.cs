using System.Net;
using MiniCode.Features.Announcements;
using MiniCode.Features.Forms;
using MiniCode.Features.Staff;

namespace MiniCode.Tests.Admin.Pages.Announcements;

/// <summary>
/// Announcements and service links (and, in the listing test, forms): staff of an organisation list and edit only items
/// set for a region within their jurisdiction and create items only there. A province-wide item is the province's, not
/// the city's. The forms' own tests are in Forms/FormsJurisdictionTests.
/// </summary>
public sealed class AnnouncementsJurisdictionTests(RegionalWorld world) : IClassFixture<RegionalWorld>
{
    internal static readonly string[] OutsideRegions = [RegionalWorld.Province, RegionalWorld.OtherCity, RegionalWorld.OtherProvince];

    private static Dictionary<string, string> Announcement(string title, string region) => new()
    {
        ["Title"] = title, ["Body"] = "请按时接种", ["RegionCode"] = region, ["PublishFrom"] = "2026-11-20T08:00",
    };

    private static Dictionary<string, string> Link(string title, string region) => new()
    {
        ["regionCode"] = region, ["kind"] = "Vaccination", ["title"] = title, ["target"] = "https://example.cn/vaccine", ["sortOrder"] = "1",
    };

    [Fact]
    public async Task City_staff_list_only_the_announcements_links_and_forms_of_their_city_and_its_districts()
    {
        var inside = new List<string>();
        var outside = new List<string>();
        foreach (var (region, list) in new[] { (RegionalWorld.City, inside), (RegionalWorld.District, inside) }
                     .Concat(OutsideRegions.Select(r => (r, outside))))
        {
            var mark = RegionalWorld.Mark("内容" + region);
            await world.AnnouncementAsync(region, "资讯" + mark);
            await world.LinkAsync(region, "链接" + mark);
            await world.FormAsync(region, "表单" + mark);
            list.Add(mark);
        }

        var staff = await world.CityStaffAsync(Permissions.Announcements, Permissions.Forms);
        var admin = await world.SuperUserAsync();
        foreach (var (page, prefix) in new[] { ("/admin/announcements", "资讯"), ("/admin/announcements/links", "链接"), ("/admin/forms", "表单") })
        {
            var html = await staff.GetPageAsync(page);
            Assert.Contains("本辖区：220100", html);
            foreach (var mark in inside) Assert.Contains(prefix + mark, html);
            foreach (var mark in outside) Assert.DoesNotContain(prefix + mark, html);
            var all = await admin.GetPageAsync(page);
            foreach (var mark in inside.Concat(outside)) Assert.Contains(prefix + mark, all);
        }
    }

    [Fact]
    public async Task Province_staff_see_their_province_wide_items_and_the_cities_below_but_not_another_province()
    {
        var province = RegionalWorld.Mark("全省资讯");
        var city = RegionalWorld.Mark("市级资讯");
        var other = RegionalWorld.Mark("外省资讯");
        await world.AnnouncementAsync(RegionalWorld.Province, province);
        await world.AnnouncementAsync(RegionalWorld.City, city);
        await world.AnnouncementAsync(RegionalWorld.OtherProvince, other);
        var html = await (await world.StaffAsync(RegionalWorld.Province, Permissions.Announcements)).GetPageAsync("/admin/announcements");
        Assert.Contains(province, html);
        Assert.Contains(city, html);
        Assert.DoesNotContain(other, html);
    }

    [Fact]
    public async Task Editing_or_deleting_an_announcement_outside_the_jurisdiction_answers_404_and_writes_nothing()
    {
        var staff = await world.CityStaffAsync(Permissions.Announcements);
        foreach (var region in OutsideRegions)
        {
            var title = RegionalWorld.Mark("越界资讯");
            var id = await world.AnnouncementAsync(region, title);
            Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/announcements/edit?id={id}")).StatusCode);
            var edit = await staff.PostFormAsync("/admin/announcements", Announcement("改写" + title, RegionalWorld.City), $"/admin/announcements/edit?id={id}");
            Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
            var delete = await staff.PostFormAsync("/admin/announcements", new() { ["id"] = id.ToString() }, "/admin/announcements?handler=Delete");
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
            var stored = await world.QueryAsync(db => db.Set<Announcement>().SingleAsync(a => a.Id == id));
            Assert.Equal((title, region), (stored.Title, stored.RegionCode));
            Assert.Equal(0, await world.AuditCountAsync("announcement", id));
        }
    }

    [Fact]
    public async Task Announcements_are_created_or_moved_only_within_the_jurisdiction()
    {
        var staff = await world.CityStaffAsync(Permissions.Announcements);
        foreach (var region in OutsideRegions)
        {
            var refused = await staff.PostFormAsync("/admin/announcements/edit", Announcement("越界新资讯" + region, region));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(RegionalWorld.OutsideMessage, await refused.Content.ReadAsStringAsync());
        }
        Assert.False(await world.QueryAsync(db => db.Set<Announcement>().AnyAsync(a => a.Title.StartsWith("越界新资讯"))));
        Assert.Equal(0, await world.AuditCountAsync("announcement.create", "越界新资讯"));

        var title = RegionalWorld.Mark("南关区资讯");
        var created = await staff.PostFormAsync("/admin/announcements/edit", Announcement(title, RegionalWorld.District));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await world.QueryAsync(db => db.Set<Announcement>().Where(a => a.Title == title).Select(a => a.Id).SingleAsync());
        Assert.Equal(1, await world.AuditCountAsync("announcement", id));

        var moved = await staff.PostFormAsync($"/admin/announcements/edit?id={id}", Announcement(title, RegionalWorld.OtherCity));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains(RegionalWorld.OutsideMessage, await moved.Content.ReadAsStringAsync());
        Assert.Equal(RegionalWorld.District, await world.QueryAsync(db => db.Set<Announcement>().Where(a => a.Id == id).Select(a => a.RegionCode).SingleAsync()));
        Assert.Equal(1, await world.AuditCountAsync("announcement", id));
    }

    [Fact]
    public async Task Service_links_outside_the_jurisdiction_cannot_be_added_toggled_or_deleted()
    {
        var staff = await world.CityStaffAsync(Permissions.Announcements);
        foreach (var region in OutsideRegions)
        {
            var id = await world.LinkAsync(region, RegionalWorld.Mark("越界链接"));
            Assert.Equal(HttpStatusCode.NotFound, (await staff.PostFormAsync("/admin/announcements/links", new() { ["id"] = id.ToString() }, "/admin/announcements/links?handler=Toggle")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await staff.PostFormAsync("/admin/announcements/links", new() { ["id"] = id.ToString() }, "/admin/announcements/links?handler=Delete")).StatusCode);
            Assert.True(await world.QueryAsync(db => db.Set<ServiceLink>().Where(l => l.Id == id).Select(l => l.Enabled).SingleAsync()));
            Assert.Equal(0, await world.AuditCountAsync("service_link", id));

            var add = await staff.PostFormAsync("/admin/announcements/links", Link("越界新链接" + region, region), "/admin/announcements/links?handler=Add");
            Assert.Equal(HttpStatusCode.OK, add.StatusCode);
            Assert.Contains(RegionalWorld.OutsideMessage, await add.Content.ReadAsStringAsync());
        }
        Assert.False(await world.QueryAsync(db => db.Set<ServiceLink>().AnyAsync(l => l.Title.StartsWith("越界新链接"))));
        Assert.Equal(0, await world.AuditCountAsync("service_link.create", "越界新链接"));
    }

    [Fact]
    public async Task Service_links_inside_the_jurisdiction_are_added_and_toggled()
    {
        var staff = await world.CityStaffAsync(Permissions.Announcements);
        var title = RegionalWorld.Mark("南关区疫苗");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync("/admin/announcements/links", Link(title, RegionalWorld.District), "/admin/announcements/links?handler=Add")).StatusCode);
        var id = await world.QueryAsync(db => db.Set<ServiceLink>().Where(l => l.Title == title).Select(l => l.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync("/admin/announcements/links", new() { ["id"] = id.ToString() }, "/admin/announcements/links?handler=Toggle")).StatusCode);
        Assert.False(await world.QueryAsync(db => db.Set<ServiceLink>().Where(l => l.Id == id).Select(l => l.Enabled).SingleAsync()));
        Assert.Equal(2, await world.AuditCountAsync("service_link", id));
    }
}
