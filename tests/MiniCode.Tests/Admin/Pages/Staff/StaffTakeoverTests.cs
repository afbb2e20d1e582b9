using MiniCode.Infrastructure.Security;
using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Staff;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Staff;

/// <summary>staff.manage is not a key to every account: peers with more rights, the actor's own password, logout, cookies.</summary>
public sealed class StaffTakeoverTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<StaffMember> StaffAsync(string user) =>
        await _factory.QueryAsync(db => db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Username == user));

    [Fact]
    public async Task A_staff_manager_cannot_reset_or_disable_a_colleague_holding_permissions_they_lack()
    {
        var (actorUser, actorPassword) = await AdminClient.StaffWithAsync(_factory, Permissions.Staff);
        var (approverUser, _) = await AdminClient.StaffWithAsync(_factory, Permissions.Staff, Permissions.OverrideApprove);
        var actor = await AdminClient.LoggedInAsync(_factory, actorUser, actorPassword);
        var approver = await StaffAsync(approverUser);
        var superAdmin = await StaffAsync(AdminClient.SuperUser);

        foreach (var target in new[] { approver, superAdmin })
        {
            var form = $"/admin/staff/edit?id={target.Id}";
            var reset = await actor.PostFormAsync(form, new() { ["id"] = target.Id.ToString(), ["NewPassword"] = "Takeover#1", ["CurrentPassword"] = actorPassword },
                "/admin/staff/edit?handler=ResetPassword");
            Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
            var disable = await actor.PostFormAsync(form, new() { ["id"] = target.Id.ToString(), ["Status"] = "Disabled" }, "/admin/staff/edit?handler=Save");
            Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
            var after = await StaffAsync(target.Username);
            Assert.Equal((target.PasswordHash, target.SecurityStamp, StaffStatus.Active), (after.PasswordHash, after.SecurityStamp, after.Status));
            Assert.Equal(1, await _factory.QueryAsync(db => db.Set<MiniCode.Features.Audit.AuditEntry>()
                .CountAsync(e => e.Action == "staff.reset_password_refused" && e.TargetId == target.Id.ToString())));
        }
    }

    [Fact]
    public async Task A_password_reset_asks_for_the_actors_own_password()
    {
        var (targetUser, _) = await AdminClient.StaffWithAsync(_factory, Permissions.Statistics);
        var target = await StaffAsync(targetUser);
        var admin = await AdminClient.LoggedInAsync(_factory);
        var form = $"/admin/staff/edit?id={target.Id}";
        var wrong = await admin.PostFormAsync(form, new() { ["id"] = target.Id.ToString(), ["NewPassword"] = "Takeover#1", ["CurrentPassword"] = "guessed" },
            "/admin/staff/edit?handler=ResetPassword");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("请输入您本人的正确密码", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(target.PasswordHash, (await StaffAsync(targetUser)).PasswordHash);

        var right = await admin.PostFormAsync(form, new() { ["id"] = target.Id.ToString(), ["NewPassword"] = "Takeover#1", ["CurrentPassword"] = AdminClient.SuperPassword },
            "/admin/staff/edit?handler=ResetPassword");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        await AdminClient.LoggedInAsync(_factory, targetUser, "Takeover#1");
    }

    [Fact]
    public async Task Logout_kills_every_copy_of_the_cookie()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        var cookie = string.Join("; ", (await admin.Http.GetAsync("/admin")).RequestMessage!.Headers.TryGetValues("Cookie", out var v) ? v : []);
        Assert.Contains("minicode.admin", cookie);
        var stolen = AdminClient.For(_factory);
        HttpRequestMessage Copy() { var m = new HttpRequestMessage(HttpMethod.Get, "/admin"); m.Headers.Add("Cookie", cookie); return m; }
        Assert.Equal(HttpStatusCode.OK, (await stolen.Http.SendAsync(Copy())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin", [], "/admin/logout")).StatusCode);

        var replay = await stolen.Http.SendAsync(Copy());
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/admin/login", replay.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Parallel_wrong_passwords_all_count_and_block_the_address()
    {
        var (user, password) = await AdminClient.StaffWithAsync(_factory, Permissions.Statistics);
        var guesses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            AdminClient.For(_factory).PostFormAsync("/admin/login", new() { ["Username"] = user, ["Password"] = "wrong-" + i })));
        Assert.All(guesses, g => Assert.Equal(HttpStatusCode.OK, g.StatusCode));
        var staff = await StaffAsync(user);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var blocked = await scope.ServiceProvider.GetRequiredService<MiniCode.Data.MiniCodeDbContext>().Set<LoginFailure>()
                .Where(f => f.Scope == LoginThrottle.Staff && f.AccountId == staff.Id).Select(f => f.BlockedUntil).SingleAsync();
            Assert.True(blocked > _factory.Clock.GetUtcNow(), "five or more wrong passwords block the address, however parallel");
        }
        var right = await AdminClient.For(_factory).PostFormAsync("/admin/login", new() { ["Username"] = user, ["Password"] = password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the login page again, with the lockout message: no cookie
    }

    [Fact]
    public void The_admin_cookie_is_Secure_in_every_environment_but_Development_and_the_tests()
    {
        CookieSecurePolicy PolicyIn(MiniCodeFactory host) =>
            host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(AdminAuth.Scheme).Cookie.SecurePolicy;
        Assert.Equal(CookieSecurePolicy.SameAsRequest, PolicyIn(_factory));
        using var staging = new MiniCodeFactory().Deployed("Staging");
        Assert.Equal(CookieSecurePolicy.Always, PolicyIn(staging));
    }
}
