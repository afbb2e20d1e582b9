using System.Net;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.Staff;

namespace MiniCode.Tests.Admin.Pages.Appeals;

/// <summary>/admin/appeals and its review page show and act only on appeals of people registered within the jurisdiction.</summary>
public sealed class AppealsJurisdictionTests(RegionalWorld world) : IClassFixture<RegionalWorld>
{
    private static Dictionary<string, string> Override(long id) => new()
    {
        ["id"] = id.ToString(), ["color"] = "Green", ["reasonCode"] = "override.data_error", ["note"] = "经核实为数据错误",
    };

    [Fact]
    public async Task City_staff_list_only_appeals_of_people_of_their_city_and_its_districts()
    {
        var city = RegionalWorld.Mark("市内申诉");
        var district = RegionalWorld.Mark("区内申诉");
        await world.AppealAsync(RegionalWorld.City, city);
        await world.AppealAsync(RegionalWorld.District, district);
        var outside = new List<string>();
        foreach (var region in RegionalWorld.OutsideOrNone)
        {
            var text = RegionalWorld.Mark("辖区外申诉" + region);
            await world.AppealAsync(region, text);
            outside.Add(text);
        }

        var html = await (await world.CityStaffAsync(Permissions.AppealsReview)).GetPageAsync("/admin/appeals");
        Assert.Contains("本辖区：220100", html);
        Assert.Contains(city, html);
        Assert.Contains(district, html);
        foreach (var text in outside) Assert.DoesNotContain(text, html);

        var all = await (await world.SuperUserAsync()).GetPageAsync("/admin/appeals");
        foreach (var text in outside.Append(city).Append(district)) Assert.Contains(text, all);
        Assert.DoesNotContain("本辖区：", all);
    }

    [Fact]
    public async Task Reviewing_an_appeal_outside_the_jurisdiction_answers_404_and_writes_nothing()
    {
        var staff = await world.CityStaffAsync(Permissions.AppealsReview);
        foreach (var region in RegionalWorld.OutsideOrNone)
        {
            var id = await world.AppealAsync(region, RegionalWorld.Mark("越界申诉"));
            var personId = await world.QueryAsync(db => db.Set<Appeal>().Where(a => a.Id == id).Select(a => a.PersonId).SingleAsync());
            Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/appeals/review?id={id}")).StatusCode);

            var resolve = await staff.PostFormAsync("/admin/appeals", new() { ["id"] = id.ToString(), ["upheld"] = "true", ["resolution"] = "已更正" },
                $"/admin/appeals/review?id={id}&handler=Resolve");
            Assert.Equal(HttpStatusCode.NotFound, resolve.StatusCode);
            var request = await staff.PostFormAsync("/admin/appeals", Override(id), $"/admin/appeals/review?id={id}&handler=Override");
            Assert.Equal(HttpStatusCode.NotFound, request.StatusCode);

            Assert.Equal(AppealStatus.Open, await world.QueryAsync(db => db.Set<Appeal>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
            Assert.Equal(0, await world.AuditCountAsync("appeal", id));
            Assert.False(await world.QueryAsync(db => db.Set<ColorOverride>().AnyAsync(o => o.PersonId == personId)));
        }
    }

    [Fact]
    public async Task Reviewing_an_appeal_of_the_district_below_is_allowed_and_audited()
    {
        var staff = await world.CityStaffAsync(Permissions.AppealsReview);
        var id = await world.AppealAsync(RegionalWorld.District, RegionalWorld.Mark("区内申诉"));
        var personId = await world.QueryAsync(db => db.Set<Appeal>().Where(a => a.Id == id).Select(a => a.PersonId).SingleAsync());
        Assert.Contains("申请人工赋码", await staff.GetPageAsync($"/admin/appeals/review?id={id}"));

        var request = await staff.PostFormAsync($"/admin/appeals/review?id={id}", Override(id), $"/admin/appeals/review?id={id}&handler=Override");
        Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        var o = await world.QueryAsync(db => db.Set<ColorOverride>().SingleAsync(x => x.PersonId == personId));
        Assert.Equal(OverrideStatus.Pending, o.Status);
        Assert.Equal(1, await world.AuditCountAsync("color_override", o.Id));

        var resolve = await staff.PostFormAsync($"/admin/appeals/review?id={id}", new() { ["id"] = id.ToString(), ["upheld"] = "true", ["resolution"] = "已更正" },
            $"/admin/appeals/review?id={id}&handler=Resolve");
        Assert.Equal(HttpStatusCode.Redirect, resolve.StatusCode);
        Assert.Equal(AppealStatus.Resolved, await world.QueryAsync(db => db.Set<Appeal>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Equal(1, await world.AuditCountAsync("appeal", id));
    }

    [Fact]
    public async Task The_super_user_reviews_appeals_of_any_region_and_of_people_without_one()
    {
        var admin = await world.SuperUserAsync();
        foreach (var region in new[] { RegionalWorld.OtherProvince, null })
        {
            var id = await world.AppealAsync(region, RegionalWorld.Mark("全域申诉"));
            var resolve = await admin.PostFormAsync($"/admin/appeals/review?id={id}", new() { ["id"] = id.ToString(), ["upheld"] = "false", ["resolution"] = "经核实无误" },
                $"/admin/appeals/review?id={id}&handler=Resolve");
            Assert.Equal(HttpStatusCode.Redirect, resolve.StatusCode);
            Assert.Equal(AppealStatus.Rejected, await world.QueryAsync(db => db.Set<Appeal>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        }
    }
}
