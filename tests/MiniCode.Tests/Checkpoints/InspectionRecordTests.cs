using System.Net;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Checkpoints;

/// <summary>排查记录: senior and intermediate scanners see every record of the site, ordinary ones only their own.</summary>
public sealed class InspectionRecordTests(CheckpointsFactory factory) : IClassFixture<CheckpointsFactory>
{
    [Fact]
    public async Task Who_sees_which_records()
    {
        var (orgId, siteId) = await factory.SiteAsync();
        var senior = await factory.SeniorAsync(siteId);
        var middle = await factory.AddScannerAsync(senior, "intermediate");
        var ordinaryA = await factory.AddScannerAsync(middle, "ordinary");
        var ordinaryB = await factory.AddScannerAsync(senior, "ordinary");
        var (otherOrg, otherSite) = await factory.SiteAsync("别处");

        var alice = await factory.CitizenAsync("爱丽丝");
        var bob = await factory.CitizenAsync("鲍勃");
        await alice.DeclareAsync();
        await bob.DeclareAsync();
        var byA = (await ordinaryA.ScanOkAsync(alice)).GetProperty("id").GetInt64();
        var byB = (await ordinaryB.ScanOkAsync(bob)).GetProperty("id").GetInt64();

        Assert.Equal([byB, byA], await senior.RecordIdsAsync($"?siteId={siteId}"));
        Assert.Equal([byB, byA], await middle.RecordIdsAsync($"?organisationId={orgId}"));
        Assert.Equal([byA], await ordinaryA.RecordIdsAsync($"?siteId={siteId}"));
        Assert.Equal([byB], await ordinaryB.RecordIdsAsync());

        // Search by ID number (blind index), then open the detail.
        Assert.Equal([byA], await middle.RecordIdsAsync("?idNumber=" + alice.IdNumber));
        Assert.Empty(await middle.RecordIdsAsync("?idNumber=" + TestUsers.NextIdNumber(new DateOnly(1970, 1, 1))));
        var detail = await HttpAssert.Ok(await middle.Client.GetAsync($"/api/checkpoint/records/{byA}"));
        Assert.Equal(MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskIdNumber(alice.IdNumber), detail.GetProperty("maskedIdNumber").GetString());
        Assert.Equal(ordinaryA.AccountId, detail.GetProperty("scannerAccountId").GetInt64());
        await HttpAssert.Problem(await ordinaryA.Client.GetAsync($"/api/checkpoint/records/{byB}"), HttpStatusCode.NotFound, "checkpoint.record_not_found");

        // Another organisation's site is not theirs to look at.
        var outsider = await factory.SeniorAsync(otherSite);
        Assert.Empty(await outsider.RecordIdsAsync());
        await HttpAssert.Problem(await outsider.Client.GetAsync($"/api/checkpoint/records?siteId={siteId}"), HttpStatusCode.Forbidden, "checkpoint.site_not_visible");
        await HttpAssert.Problem(await senior.Client.GetAsync($"/api/checkpoint/records?organisationId={otherOrg}"), HttpStatusCode.Forbidden, "checkpoint.site_not_visible");
        await HttpAssert.Problem(await outsider.Client.GetAsync($"/api/checkpoint/records/{byA}"), HttpStatusCode.NotFound, "checkpoint.record_not_found");
        await HttpAssert.Problem(await senior.Client.GetAsync("/api/checkpoint/records?page=0"), HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public async Task Records_go_to_every_chosen_report_site()
    {
        var (_, siteA) = await factory.SiteAsync("甲");
        var senior = await factory.SeniorAsync(siteA);
        var siteB = (await HttpAssert.Ok(await senior.Client.PostJson("/api/checkpoint/sites", new { name = "乙", regionCode = "220102" }))).GetProperty("id").GetInt64();
        var worker = await factory.AddScannerAsync(senior, "ordinary", siteB);
        await HttpAssert.Ok(await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(worker.Client, "/api/checkpoint/me/report-sites", new { siteIds = new[] { siteA, siteB } }));
        var citizen = await factory.CitizenAsync();
        await citizen.DeclareAsync();
        var id = (await worker.ScanOkAsync(citizen)).GetProperty("id").GetInt64();
        Assert.Equal([id], await senior.RecordIdsAsync($"?siteId={siteA}"));
        Assert.Equal([id], await senior.RecordIdsAsync($"?siteId={siteB}"));
    }

    [Fact]
    public async Task Report_sites_are_write_only_an_intermediate_scanner_does_not_see_their_records()
    {
        var (orgId, siteA) = await factory.SiteAsync("甲站");
        var siteC = await factory.SiteOfAsync(orgId, "丙站");
        var seniorC = await factory.SeniorAsync(siteC);
        var workerC = await factory.AddScannerAsync(seniorC, "ordinary");
        var seniorA = await factory.SeniorAsync(siteA);
        var middle = await factory.AddScannerAsync(seniorA, "intermediate");
        var stranger = await factory.CitizenAsync("陌生人");
        await stranger.DeclareAsync();
        var atC = (await workerC.ScanOkAsync(stranger)).GetProperty("id").GetInt64();

        // 丙站 belongs to the same organisation, so it may be chosen as a report site...
        await HttpAssert.Ok(await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(middle.Client, "/api/checkpoint/me/report-sites", new { siteIds = new[] { siteC } }));
        // ...which opens none of its records to the intermediate scanner.
        Assert.DoesNotContain(atC, await middle.RecordIdsAsync());
        Assert.DoesNotContain(atC, await middle.RecordIdsAsync($"?organisationId={orgId}"));
        await HttpAssert.Problem(await middle.Client.GetAsync($"/api/checkpoint/records?siteId={siteC}"), HttpStatusCode.Forbidden, "checkpoint.site_not_visible");
        await HttpAssert.Problem(await middle.Client.GetAsync($"/api/checkpoint/records/{atC}"), HttpStatusCode.NotFound, "checkpoint.record_not_found");

        // The scanner's own records reported to 丙站 reach it, and stay visible to the scanner and its own site.
        var citizen = await factory.CitizenAsync("本人查");
        await citizen.DeclareAsync();
        var own = (await middle.ScanOkAsync(citizen)).GetProperty("id").GetInt64();
        Assert.Equal([own], await middle.RecordIdsAsync());
        Assert.Contains(own, await seniorC.RecordIdsAsync($"?siteId={siteC}"));
        Assert.Contains(own, await seniorA.RecordIdsAsync($"?siteId={siteA}"));
    }
}
