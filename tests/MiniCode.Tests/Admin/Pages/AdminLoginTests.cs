using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Staff;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages;

public sealed class AdminLoginTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Anonymous_requests_are_sent_to_the_login_page()
    {
        var response = await AdminClient.For(_factory).Http.GetAsync("/admin/staff");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Bootstrap_super_admin_logs_in_sees_every_area_and_logs_out()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        var home = await admin.GetPageAsync("/admin");
        foreach (var (_, label) in Permissions.Areas) Assert.Contains(label, home);
        var logout = await admin.PostFormAsync("/admin", [], "/admin/logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.GetAsync("/admin")).StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<AuditEntry>().Select(e => e.Action).ToListAsync();
        Assert.Contains("staff.login", actions);
        Assert.Contains("staff.logout", actions);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_until_the_lockout_ends()
    {
        var client = AdminClient.For(_factory);
        for (var i = 0; i < 4; i++)
        {
            var page = await (await client.PostFormAsync("/admin/login", new() { ["Username"] = "admin", ["Password"] = "wrong-password" })).Content.ReadAsStringAsync();
            Assert.Contains("账号或密码错误", page);
        }
        var locked = await (await client.PostFormAsync("/admin/login", new() { ["Username"] = "admin", ["Password"] = "wrong-password" })).Content.ReadAsStringAsync();
        Assert.Contains("账号已锁定", locked);
        var stillLocked = await client.PostFormAsync("/admin/login", new() { ["Username"] = "admin", ["Password"] = AdminClient.SuperPassword });
        Assert.Equal(HttpStatusCode.OK, stillLocked.StatusCode);
        Assert.Contains("账号已锁定", await stillLocked.Content.ReadAsStringAsync());

        _factory.Clock.Advance(TimeSpan.FromMinutes(15));
        var ok = await client.PostFormAsync("/admin/login", new() { ["Username"] = "admin", ["Password"] = AdminClient.SuperPassword });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    [Fact]
    public async Task Session_ends_after_the_idle_timeout_and_slides_while_used()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        _factory.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin")).StatusCode);
        _factory.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin")).StatusCode);
        _factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Session_ends_after_the_absolute_timeout_even_when_used()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        for (var i = 0; i < 16; i++)
        {
            _factory.Clock.Advance(TimeSpan.FromMinutes(29));
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin")).StatusCode);
        }
        _factory.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_role_without_the_permission_gets_403_on_get_and_post()
    {
        var (user, password) = await AdminClient.StaffWithAsync(_factory, Permissions.Faq);
        var staff = await AdminClient.LoggedInAsync(_factory, user, password);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/admin/faq")).StatusCode);
        var home = await staff.GetPageAsync("/admin");
        Assert.DoesNotContain("人员管理", home);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync("/admin/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync("/admin/roles/edit")).StatusCode);
        var post = await staff.PostFormAsync("/admin/faq", new() { ["Name"] = "x" }, "/admin/roles/edit");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Posts_without_an_antiforgery_token_are_rejected()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        var response = await admin.Http.PostAsync("/admin/roles/edit", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "无令牌" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<StaffRole>().AnyAsync(r => r.Name == "无令牌"));
    }
}
