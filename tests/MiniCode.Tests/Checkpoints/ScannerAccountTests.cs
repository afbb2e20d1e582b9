using System.Net;
using System.Net.Http.Json;
using MiniCode.Infrastructure.Logging;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Checkpoints;

/// <summary>我的: login with phone + password, profile with site, password change, logout, report settings. Own host: moves the clock.</summary>
public sealed class ScannerAccountTests : IDisposable
{
    private readonly CheckpointsFactory _factory = new();

    [Fact]
    public async Task Login_profile_password_change_and_logout()
    {
        var (_, siteId) = await _factory.SiteAsync("人民大街卡口");
        var senior = await _factory.SeniorAsync(siteId, "王高级");

        var me = await HttpAssert.Ok(await senior.Client.GetAsync("/api/checkpoint/me"));
        Assert.Equal("王高级", me.GetProperty("name").GetString());
        Assert.Equal(SensitiveDataMasker.MaskPhone(senior.Phone), me.GetProperty("phone").GetString());
        Assert.Equal("senior", me.GetProperty("role").GetString());
        Assert.Equal("人民大街卡口", me.GetProperty("site").GetProperty("name").GetString());
        Assert.Equal(siteId, Assert.Single(me.GetProperty("reportSites").EnumerateArray()).GetProperty("id").GetInt64());

        await HttpAssert.Problem(await _factory.LoginResponseAsync(senior.Phone, "wrong1234x"), HttpStatusCode.Unauthorized, "checkpoint.credentials_invalid");
        await HttpAssert.Problem(await _factory.LoginResponseAsync("13000000000", CheckpointKit.Password), HttpStatusCode.Unauthorized, "checkpoint.credentials_invalid");
        await HttpAssert.Problem(await _factory.LoginResponseAsync("12", ""), HttpStatusCode.BadRequest, "request.validation_failed");

        var second = await _factory.ScannerLoginAsync(senior.Phone, CheckpointKit.Password);
        await HttpAssert.Problem(await senior.Client.PostJson("/api/checkpoint/me/password", new { currentPassword = "nope12345", newPassword = "newpass123" }),
            HttpStatusCode.BadRequest, "checkpoint.password_wrong");
        await HttpAssert.Problem(await senior.Client.PostJson("/api/checkpoint/me/password", new { currentPassword = CheckpointKit.Password, newPassword = "short" }),
            HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Ok(await senior.Client.PostJson("/api/checkpoint/me/password", new { currentPassword = CheckpointKit.Password, newPassword = "newpass123" }),
            HttpStatusCode.NoContent);
        // The other session is ended; this one goes on; only the new password logs in.
        await HttpAssert.Problem(await second.GetAsync("/api/checkpoint/me"), HttpStatusCode.Unauthorized, "auth.session_revoked");
        await HttpAssert.Ok(await senior.Client.GetAsync("/api/checkpoint/me"));
        await HttpAssert.Problem(await _factory.LoginResponseAsync(senior.Phone, CheckpointKit.Password), HttpStatusCode.Unauthorized, "checkpoint.credentials_invalid");
        await _factory.ScannerLoginAsync(senior.Phone, "newpass123");

        await HttpAssert.Ok(await senior.Client.PostAsync("/api/checkpoint/logout", null), HttpStatusCode.NoContent);
        await HttpAssert.Problem(await senior.Client.GetAsync("/api/checkpoint/me"), HttpStatusCode.Unauthorized, "auth.session_revoked");
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_until_the_lockout_ends()
    {
        var (_, siteId) = await _factory.SiteAsync();
        var senior = await _factory.SeniorAsync(siteId);
        for (var i = 0; i < 4; i++)
            await HttpAssert.Problem(await _factory.LoginResponseAsync(senior.Phone, "wrong1234x"), HttpStatusCode.Unauthorized, "checkpoint.credentials_invalid");
        await HttpAssert.Problem(await _factory.LoginResponseAsync(senior.Phone, "wrong1234x"), HttpStatusCode.Unauthorized, "checkpoint.credentials_invalid");
        // The fifth wrong password locked it: even the right one is refused now.
        await HttpAssert.Problem(await _factory.LoginResponseAsync(senior.Phone, CheckpointKit.Password), HttpStatusCode.TooManyRequests, "checkpoint.account_locked");
        _factory.Clock.Advance(TimeSpan.FromMinutes(14));
        await HttpAssert.Problem(await _factory.LoginResponseAsync(senior.Phone, CheckpointKit.Password), HttpStatusCode.TooManyRequests, "checkpoint.account_locked");
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await _factory.ScannerLoginAsync(senior.Phone, CheckpointKit.Password);
    }

    [Fact]
    public async Task Only_scanner_sessions_with_a_profile_reach_the_checkpoint_api()
    {
        var citizen = await _factory.CitizenAsync();
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/checkpoint/me"), HttpStatusCode.Forbidden, "auth.forbidden");
        var bare = await _factory.ScannerAsync();
        await HttpAssert.Problem(await bare.Client.GetAsync("/api/checkpoint/me"), HttpStatusCode.Forbidden, "checkpoint.profile_missing");
        await HttpAssert.Problem(await _factory.CreateClient().GetAsync("/api/checkpoint/records"), HttpStatusCode.Unauthorized, "auth.unauthorized");
    }

    [Fact]
    public async Task Report_settings_choose_several_sites_of_the_organisation()
    {
        var (orgId, siteA) = await _factory.SiteAsync("甲站点");
        var senior = await _factory.SeniorAsync(siteA);
        var added = await HttpAssert.Ok(await senior.Client.PostJson("/api/checkpoint/sites", new { name = "乙站点", regionCode = "220102", address = "乙街1号" }));
        var siteB = added.GetProperty("id").GetInt64();
        var (_, foreignSite) = await _factory.SiteAsync("别的机构站点");

        var options = await HttpAssert.Ok(await senior.Client.GetAsync("/api/checkpoint/me/report-sites/options"));
        var choosable = options.EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([siteA, siteB], choosable);
        Assert.DoesNotContain(foreignSite, choosable);

        var chosen = await HttpAssert.Ok(await senior.Client.PutAsJsonAsync("/api/checkpoint/me/report-sites", new { siteIds = new[] { siteA, siteB } }));
        Assert.Equal([siteA, siteB], chosen.EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToArray());
        Assert.Equal(orgId, chosen[1].GetProperty("organisationId").GetInt64());
        await HttpAssert.Problem(await senior.Client.PutAsJsonAsync("/api/checkpoint/me/report-sites", new { siteIds = new[] { foreignSite } }),
            HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await senior.Client.PutAsJsonAsync("/api/checkpoint/me/report-sites", new { siteIds = Array.Empty<long>() }),
            HttpStatusCode.BadRequest, "request.validation_failed");
        var now = await HttpAssert.Ok(await senior.Client.GetAsync("/api/checkpoint/me/report-sites"));
        Assert.Equal(2, now.GetArrayLength());
    }

    public void Dispose() => _factory.Dispose();
}
