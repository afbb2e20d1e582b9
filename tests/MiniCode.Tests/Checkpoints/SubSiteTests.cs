using System.Net;
using System.Text.Json;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Checkpoints;

/// <summary>
/// 下级站点 (001 §二(四)): a senior scanner adds sites below their site and below those, down to the configured depth;
/// manages the whole subtree (scanners there, stopping it); sees counts per site and level; records roll up to the sites above.
/// </summary>
public sealed class SubSiteTests(SubSiteTests.Factory factory) : IClassFixture<SubSiteTests.Factory>
{
    public sealed class Factory : CheckpointsFactory
    {
        public Factory() => With("MiniCode:Checkpoints:MaxSubSiteDepth", "2");
    }

    private static object Site(string name, long? parentId = null) => new { name, regionCode = "220102", address = "人民大街1号", parentId };

    private static JsonElement Row(JsonElement sites, long id) => sites.EnumerateArray().Single(s => s.GetProperty("site").GetProperty("id").GetInt64() == id);

    [Fact]
    public async Task Sub_sites_nest_to_the_depth_limit_and_their_records_roll_up()
    {
        var (_, topId) = await factory.SiteAsync("南关区总站");
        var senior = await factory.SeniorAsync(topId);
        var child = await HttpAssert.Ok(await senior.Client.PostJson("/api/checkpoint/sites", Site("一级站点")));
        var childId = child.GetProperty("id").GetInt64();
        Assert.Equal(topId, child.GetProperty("parentId").GetInt64());
        var grandchildId = (await HttpAssert.Ok(await senior.Client.PostJson("/api/checkpoint/sites", Site("二级站点", childId)))).GetProperty("id").GetInt64();
        // Level 2 is the limit configured here.
        await HttpAssert.Problem(await senior.Client.PostJson("/api/checkpoint/sites", Site("三级站点", grandchildId)), HttpStatusCode.BadRequest, "request.validation_failed");

        // The senior scanner manages the whole subtree: a scanner goes to the grandchild site and scans there.
        var ordinary = await factory.AddScannerAsync(senior, "ordinary", grandchildId, "二级站点员");
        var citizen = await factory.CitizenAsync("周小明");
        await citizen.DeclareAsync("110105");
        var recordId = (await ordinary.ScanOkAsync(citizen)).GetProperty("id").GetInt64();

        // Records roll up: the top site and the child site see the grandchild's record.
        Assert.Contains(recordId, await senior.RecordIdsAsync($"?siteId={topId}"));
        Assert.Contains(recordId, await senior.RecordIdsAsync($"?siteId={childId}"));
        Assert.Contains(recordId, await senior.RecordIdsAsync($"?siteId={grandchildId}"));

        var sites = await HttpAssert.Ok(await senior.Client.GetAsync("/api/checkpoint/sites"));
        var top = Row(sites, topId);
        Assert.Equal((0, 1, 0, 1), (top.GetProperty("level").GetInt32(), top.GetProperty("subSites").GetInt32(),
            top.GetProperty("records").GetInt32(), top.GetProperty("recordsWithSubSites").GetInt32()));
        var grandchild = Row(sites, grandchildId);
        Assert.Equal((2, 1, 1), (grandchild.GetProperty("level").GetInt32(), grandchild.GetProperty("records").GetInt32(),
            grandchild.GetProperty("recordsWithSubSites").GetInt32()));
        Assert.Equal(ordinary.AccountId, Assert.Single(grandchild.GetProperty("scanners").EnumerateArray()).GetProperty("accountId").GetInt64());

        var levels = await HttpAssert.Ok(await senior.Client.GetAsync("/api/checkpoint/sites/levels"));
        Assert.Equal([(0, 1, 1, 0), (1, 1, 0, 0), (2, 1, 1, 1)], levels.EnumerateArray().Select(l => (l.GetProperty("level").GetInt32(),
            l.GetProperty("sites").GetInt32(), l.GetProperty("scanners").GetInt32(), l.GetProperty("records").GetInt32())).ToList());

        // Stopping the child stops the grandchild too, and its scanner.
        var stopped = await HttpAssert.Ok(await senior.Client.PostAsync($"/api/checkpoint/sites/{childId}/stop", null));
        Assert.Equal([ordinary.AccountId], stopped.GetProperty("accountIds").EnumerateArray().Select(e => e.GetInt64()).ToArray());
        var after = await HttpAssert.Ok(await senior.Client.GetAsync("/api/checkpoint/sites"));
        Assert.Equal("stopped", Row(after, grandchildId).GetProperty("site").GetProperty("status").GetString());
        Assert.Equal("active", Row(after, topId).GetProperty("site").GetProperty("status").GetString());
        await HttpAssert.Problem(await factory.LoginResponseAsync(ordinary.Phone, ordinary.Password), HttpStatusCode.Forbidden, "checkpoint.account_disabled");
    }

    [Fact]
    public async Task Nobody_adds_below_a_site_outside_their_tree_and_ordinary_scanners_add_none()
    {
        var (_, mine) = await factory.SiteAsync("我的站点");
        var (_, theirs) = await factory.SiteAsync("别人的站点");
        var senior = await factory.SeniorAsync(mine);
        var other = await factory.SeniorAsync(theirs);
        var ordinary = await factory.AddScannerAsync(senior, "ordinary");

        await HttpAssert.Problem(await senior.Client.PostJson("/api/checkpoint/sites", Site("越权站点", theirs)), HttpStatusCode.Forbidden, "checkpoint.site_not_managed");
        await HttpAssert.Problem(await ordinary.Client.PostJson("/api/checkpoint/sites", Site("普通员站点")), HttpStatusCode.Forbidden, "checkpoint.role_forbidden");
        var childId = (await HttpAssert.Ok(await senior.Client.PostJson("/api/checkpoint/sites", Site("下级站点")))).GetProperty("id").GetInt64();
        await HttpAssert.Problem(await other.Client.PostAsync($"/api/checkpoint/sites/{childId}/stop", null), HttpStatusCode.Forbidden, "checkpoint.site_not_managed");
        await HttpAssert.Problem(await other.Client.GetAsync($"/api/checkpoint/records?siteId={childId}"), HttpStatusCode.Forbidden, "checkpoint.site_not_visible");
    }
}
