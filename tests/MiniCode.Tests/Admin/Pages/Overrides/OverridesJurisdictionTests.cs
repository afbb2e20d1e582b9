using System.Net;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.Staff;

namespace MiniCode.Tests.Admin.Pages.Overrides;

/// <summary>/admin/overrides lists, approves, rejects and ends only overrides of people registered within the jurisdiction.</summary>
public sealed class OverridesJurisdictionTests(RegionalWorld world) : IClassFixture<RegionalWorld>
{
    private Task<OverrideStatus> StatusOf(long id) =>
        world.QueryAsync(db => db.Set<ColorOverride>().Where(o => o.Id == id).Select(o => o.Status).SingleAsync());

    private static Task<HttpResponseMessage> PostAsync(AdminClient staff, string handler, long id) =>
        staff.PostFormAsync("/admin/overrides", new() { ["id"] = id.ToString() }, $"/admin/overrides?handler={handler}");

    private static string Row(long id) => $"data-override=\"{id}\"";

    [Fact]
    public async Task City_staff_list_only_overrides_of_people_of_their_city_and_its_districts()
    {
        // The active table shows no note, so rows are recognised by their id.
        var inside = new List<string>
        {
            Row(await world.OverrideAsync(RegionalWorld.City, OverrideStatus.Pending, RegionalWorld.Mark("市内待复核"))),
            Row(await world.OverrideAsync(RegionalWorld.District, OverrideStatus.Approved, RegionalWorld.Mark("区内生效中"))),
        };
        var outside = new List<string>();
        foreach (var region in RegionalWorld.OutsideOrNone)
            foreach (var status in new[] { OverrideStatus.Pending, OverrideStatus.Approved })
                outside.Add(Row(await world.OverrideAsync(region, status, RegionalWorld.Mark("辖区外赋码"))));

        var html = await (await world.CityStaffAsync(Permissions.OverrideApprove)).GetPageAsync("/admin/overrides");
        Assert.Contains("本辖区：220100", html);
        foreach (var row in inside) Assert.Contains(row, html);
        foreach (var row in outside) Assert.DoesNotContain(row, html);

        var all = await (await world.SuperUserAsync()).GetPageAsync("/admin/overrides");
        foreach (var row in inside.Concat(outside)) Assert.Contains(row, all);
    }

    [Fact]
    public async Task Approving_rejecting_or_ending_an_override_outside_the_jurisdiction_answers_404_and_writes_nothing()
    {
        var staff = await world.CityStaffAsync(Permissions.OverrideApprove);
        foreach (var region in RegionalWorld.OutsideOrNone)
        {
            var pending = await world.OverrideAsync(region, OverrideStatus.Pending, RegionalWorld.Mark("越界待复核"));
            var approved = await world.OverrideAsync(region, OverrideStatus.Approved, RegionalWorld.Mark("越界生效中"));
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(staff, "Approve", pending)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(staff, "Reject", pending)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(staff, "End", approved)).StatusCode);
            Assert.Equal(OverrideStatus.Pending, await StatusOf(pending));
            Assert.Equal(OverrideStatus.Approved, await StatusOf(approved));
            Assert.Equal(0, await world.AuditCountAsync("color_override", pending));
            Assert.Equal(0, await world.AuditCountAsync("color_override", approved));
        }
    }

    [Fact]
    public async Task Approving_rejecting_and_ending_inside_the_jurisdiction_is_allowed_and_audited()
    {
        var staff = await world.CityStaffAsync(Permissions.OverrideApprove);
        var toApprove = await world.OverrideAsync(RegionalWorld.District, OverrideStatus.Pending, RegionalWorld.Mark("区内待复核"));
        var toReject = await world.OverrideAsync(RegionalWorld.City, OverrideStatus.Pending, RegionalWorld.Mark("市内待复核"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, "Approve", toApprove)).StatusCode);
        Assert.Equal(OverrideStatus.Approved, await StatusOf(toApprove));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, "Reject", toReject)).StatusCode);
        Assert.Equal(OverrideStatus.Rejected, await StatusOf(toReject));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, "End", toApprove)).StatusCode);
        Assert.Equal(OverrideStatus.Ended, await StatusOf(toApprove));
        Assert.Equal(2, await world.AuditCountAsync("color_override", toApprove));
        Assert.Equal(1, await world.AuditCountAsync("color_override", toReject));
    }

    [Fact]
    public async Task The_super_user_decides_overrides_of_any_region_and_of_people_without_one()
    {
        var admin = await world.SuperUserAsync();
        foreach (var region in new[] { RegionalWorld.OtherProvince, null })
        {
            var id = await world.OverrideAsync(region, OverrideStatus.Pending, RegionalWorld.Mark("全域待复核"));
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "Reject", id)).StatusCode);
            Assert.Equal(OverrideStatus.Rejected, await StatusOf(id));
        }
    }

    private static Dictionary<string, string> Request(string idNumber) => new()
    {
        ["idNumber"] = idNumber, ["color"] = "Green", ["reasonCode"] = "override.data_error", ["note"] = "经核实为数据错误",
    };

    private Task<int> RequestAuditsAsync() =>
        world.QueryAsync(db => db.Set<MiniCode.Features.Audit.AuditEntry>().CountAsync(e => e.Action == "override.request"));

    [Fact]
    public async Task Requesting_an_override_by_ID_number_outside_the_jurisdiction_is_refused_and_writes_nothing()
    {
        var staff = await world.CityStaffAsync(Permissions.OverrideApprove);
        var requests = await RequestAuditsAsync();
        foreach (var region in RegionalWorld.OutsideOrNone)
        {
            var (personId, idNumber) = await world.PersonWithIdNumberAsync(region);
            var refused = await staff.PostFormAsync("/admin/overrides", Request(idNumber), "/admin/overrides?handler=Request");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("未找到该身份证号的人员，或其户籍地不在本辖区（220100）内", await refused.Content.ReadAsStringAsync());
            Assert.False(await world.QueryAsync(db => db.Set<ColorOverride>().AnyAsync(o => o.PersonId == personId)));
        }
        Assert.Equal(requests, await RequestAuditsAsync()); // the tests of a class run one after another
    }

    [Fact]
    public async Task Requesting_an_override_by_ID_number_inside_the_jurisdiction_creates_a_pending_request()
    {
        var staff = await world.CityStaffAsync(Permissions.OverrideApprove);
        var (personId, idNumber) = await world.PersonWithIdNumberAsync(RegionalWorld.District);
        var requested = await staff.PostFormAsync("/admin/overrides", Request(idNumber.ToLowerInvariant()), "/admin/overrides?handler=Request");
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var o = await world.QueryAsync(db => db.Set<ColorOverride>().SingleAsync(x => x.PersonId == personId));
        Assert.Equal((OverrideStatus.Pending, (long?)null), (o.Status, o.AppealId));
        Assert.Equal(1, await world.AuditCountAsync("color_override", o.Id));
        Assert.Contains(Row(o.Id), await staff.GetPageAsync("/admin/overrides"));

        var (noRegionId, noRegionNumber) = await world.PersonWithIdNumberAsync(null);
        var admin = await world.SuperUserAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/overrides", Request(noRegionNumber), "/admin/overrides?handler=Request")).StatusCode);
        Assert.True(await world.QueryAsync(db => db.Set<ColorOverride>().AnyAsync(x => x.PersonId == noRegionId)));
    }
}
