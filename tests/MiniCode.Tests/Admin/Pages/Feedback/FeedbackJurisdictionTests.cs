using System.Net;
using MiniCode.Features.Feedback;
using MiniCode.Features.Staff;

namespace MiniCode.Tests.Admin.Pages.Feedback;

/// <summary>
/// /admin/feedback, its detail (status and reply) and its CSV export show only entries submitted for a region within the
/// jurisdiction; entries without a region are for staff without an organisation only.
/// </summary>
public sealed class FeedbackJurisdictionTests(RegionalWorld world) : IClassFixture<RegionalWorld>
{
    private static Dictionary<string, string> Reply(string text) => new() { ["status"] = "Resolved", ["reply"] = text };

    private async Task<(List<string> Inside, List<string> Outside)> SeedAsync()
    {
        var inside = new List<string>();
        foreach (var region in new[] { RegionalWorld.City, RegionalWorld.District })
        {
            var content = RegionalWorld.Mark("辖区内反馈");
            await world.FeedbackAsync(region, content);
            inside.Add(content);
        }
        var outside = new List<string>();
        foreach (var region in RegionalWorld.OutsideOrNone)
        {
            var content = RegionalWorld.Mark("辖区外反馈");
            await world.FeedbackAsync(region, content);
            outside.Add(content);
        }
        return (inside, outside);
    }

    [Fact]
    public async Task City_staff_list_and_export_only_feedback_of_their_city_and_its_districts()
    {
        var (inside, outside) = await SeedAsync();
        var staff = await world.CityStaffAsync(Permissions.Feedback);
        var html = await staff.GetPageAsync("/admin/feedback");
        Assert.Contains("本辖区：220100", html);
        foreach (var c in inside) Assert.Contains(c, html);
        foreach (var c in outside) Assert.DoesNotContain(c, html);

        var csv = await staff.GetPageAsync("/admin/feedback?handler=Export");
        foreach (var c in inside) Assert.Contains(c, csv);
        foreach (var c in outside) Assert.DoesNotContain(c, csv);
        Assert.DoesNotContain(RegionalWorld.OtherCity, csv);
    }

    [Fact]
    public async Task The_super_user_lists_and_exports_every_entry_including_those_without_a_region()
    {
        var (inside, outside) = await SeedAsync();
        var admin = await world.SuperUserAsync();
        var html = await admin.GetPageAsync("/admin/feedback");
        var csv = await admin.GetPageAsync("/admin/feedback?handler=Export");
        foreach (var c in inside.Concat(outside))
        {
            Assert.Contains(c, html);
            Assert.Contains(c, csv);
        }
    }

    [Fact]
    public async Task Detail_status_and_reply_outside_the_jurisdiction_answer_404_and_write_nothing()
    {
        var staff = await world.CityStaffAsync(Permissions.Feedback);
        foreach (var region in RegionalWorld.OutsideOrNone)
        {
            var id = await world.FeedbackAsync(region, RegionalWorld.Mark("越界反馈"));
            Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/feedback/detail?id={id}")).StatusCode);
            var reply = await staff.PostFormAsync("/admin/feedback", Reply("越权回复"), $"/admin/feedback/detail?id={id}");
            Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
            var entry = await world.QueryAsync(db => db.Set<FeedbackEntry>().SingleAsync(f => f.Id == id));
            Assert.Equal((FeedbackStatus.Pending, null), (entry.Status, entry.Reply));
            Assert.Equal(0, await world.AuditCountAsync("feedback", id));
        }
    }

    [Fact]
    public async Task Replying_to_feedback_of_the_district_below_is_allowed_and_audited()
    {
        var staff = await world.CityStaffAsync(Permissions.Feedback);
        var id = await world.FeedbackAsync(RegionalWorld.District, RegionalWorld.Mark("区内反馈"));
        var reply = await staff.PostFormAsync($"/admin/feedback/detail?id={id}", Reply("已核实更正"));
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var entry = await world.QueryAsync(db => db.Set<FeedbackEntry>().SingleAsync(f => f.Id == id));
        Assert.Equal((FeedbackStatus.Resolved, "已核实更正"), (entry.Status, entry.Reply));
        Assert.Equal(1, await world.AuditCountAsync("feedback", id));
    }

    [Fact]
    public async Task The_home_page_counts_pending_feedback_of_the_jurisdiction_only()
    {
        await SeedAsync();
        int Pending(string html) => int.Parse(System.Text.RegularExpressions.Regex.Match(html, "id=\"pending-feedback\">(\\d+)<").Groups[1].Value);
        var inside = await world.QueryAsync(db => db.Set<FeedbackEntry>().CountAsync(f => f.Status == FeedbackStatus.Pending && f.RegionCode != null && f.RegionCode.StartsWith("2201")));
        var all = await world.QueryAsync(db => db.Set<FeedbackEntry>().CountAsync(f => f.Status == FeedbackStatus.Pending));
        Assert.True(all > inside);
        Assert.Equal(inside, Pending(await (await world.CityStaffAsync(Permissions.Feedback)).GetPageAsync("/admin")));
        Assert.Equal(all, Pending(await (await world.SuperUserAsync()).GetPageAsync("/admin")));
    }
}
