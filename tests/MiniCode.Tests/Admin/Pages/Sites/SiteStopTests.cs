using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Organisations;
using MiniCode.Tests.Checkpoints;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Sites;

/// <summary>Stopping a site in the admin does what the app's 停用站点 does, and a stopped site records no scan.</summary>
public sealed class SiteStopTests : IDisposable
{
    private readonly CheckpointsFactory _factory = new();

    [Fact]
    public async Task Stopping_a_site_in_the_admin_disables_its_scanners_and_ends_their_sessions()
    {
        var (_, siteId) = await _factory.SiteAsync();
        var scanner = await _factory.SeniorAsync(siteId);
        await HttpAssert.Ok(await scanner.Client.GetAsync("/api/checkpoint/me"));
        var admin = await AdminClient.LoggedInAsync(_factory);
        var stopped = await admin.PostFormAsync("/admin/sites", new() { ["id"] = siteId.ToString() }, "/admin/sites?handler=Toggle");
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);

        await HttpAssert.Problem(await scanner.Client.GetAsync("/api/checkpoint/me"), HttpStatusCode.Unauthorized, "auth.session_revoked");
        await HttpAssert.Problem(await _factory.LoginResponseAsync(scanner.Phone, scanner.Password), HttpStatusCode.Forbidden, "checkpoint.account_disabled");
    }

    [Fact]
    public async Task Stopping_a_site_in_the_admin_stops_its_sub_sites_and_their_scanners_as_the_app_does()
    {
        var (_, siteId) = await _factory.SiteAsync();
        var senior = await _factory.SeniorAsync(siteId);
        var childId = (await HttpAssert.Ok(await senior.Client.PostJson("/api/checkpoint/sites", new { name = "下级卡口", regionCode = "220102" })))
            .GetProperty("id").GetInt64();
        var below = await _factory.AddScannerAsync(senior, "ordinary", childId, "下级扫码员");
        var admin = await AdminClient.LoggedInAsync(_factory);
        await admin.PostFormAsync("/admin/sites", new() { ["id"] = siteId.ToString() }, "/admin/sites?handler=Toggle");

        var statuses = await _factory.QueryAsync(db => db.Set<Site>().Where(s => s.Id == siteId || s.Id == childId).Select(s => s.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(SiteStatus.Stopped, s));
        await HttpAssert.Problem(await _factory.LoginResponseAsync(below.Phone, below.Password), HttpStatusCode.Forbidden, "checkpoint.account_disabled");
    }

    [Fact]
    public async Task A_scan_at_a_stopped_site_is_refused()
    {
        var (_, siteId) = await _factory.SiteAsync();
        var scanner = await _factory.SeniorAsync(siteId);
        var citizen = await _factory.CitizenAsync("刘小红");
        await citizen.DeclareAsync();
        // Stopped by another way (another node, the database) while this scanner's session is still open.
        await using (var scope = _factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<Site>().Where(s => s.Id == siteId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SiteStatus.Stopped));
        await HttpAssert.Problem(await scanner.ScanAsync(await citizen.PayloadAsync(), 36.5m), HttpStatusCode.Forbidden, "checkpoint.site_stopped");
        Assert.Empty(await scanner.RecordIdsAsync());
    }

    public void Dispose() => _factory.Dispose();
}
