using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using MiniCode.Features.Staff;
using MiniCode.Tests.Admin;
using MiniCode.Tests.Checkpoints;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Foundation;

/// <summary>
/// Wrong passwords block the address that sent them for that account, not the account: a stranger who knows a staff
/// user name or a scanner's phone cannot lock its owner out. Many addresses together still lock the account. Each try
/// is taken before the password is checked, so parallel guesses get no more tries than the limit.
/// </summary>
public sealed class LoginThrottleTests : IDisposable
{
    private const string Stranger = "203.0.113.7", Owner = "198.51.100.20";
    private readonly AddressedFactory _factory = (AddressedFactory)new AddressedFactory().With("Admin:MaxFailedLoginsAllAddresses", "12");

    private AdminClient Admin(string address) =>
        new(_factory.From(address, new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    [Fact]
    public async Task A_stranger_guessing_a_staff_password_is_blocked_while_the_owner_still_logs_in()
    {
        var (user, password) = await AdminClient.StaffWithAsync(_factory, Permissions.Statistics);
        var stranger = Admin(Stranger);
        for (var i = 0; i < 4; i++)
            Assert.Contains("账号或密码错误", await (await stranger.PostFormAsync("/admin/login", new() { ["Username"] = user, ["Password"] = "wrong-" + i })).Content.ReadAsStringAsync());
        Assert.Contains("账号已锁定", await (await stranger.PostFormAsync("/admin/login", new() { ["Username"] = user, ["Password"] = "wrong-5" })).Content.ReadAsStringAsync());
        // Even the right password is refused from the stranger's address...
        Assert.Contains("账号已锁定", await (await stranger.PostFormAsync("/admin/login", new() { ["Username"] = user, ["Password"] = password })).Content.ReadAsStringAsync());
        // ...but the owner, elsewhere, is not locked out.
        Assert.Equal(HttpStatusCode.Redirect, (await Admin(Owner).PostFormAsync("/admin/login", new() { ["Username"] = user, ["Password"] = password })).StatusCode);
    }

    [Fact]
    public async Task Guesses_from_many_addresses_together_lock_the_staff_account()
    {
        var (user, password) = await AdminClient.StaffWithAsync(_factory, Permissions.Statistics);
        for (var a = 0; a < 3; a++)
            for (var i = 0; i < 4; i++)
                await Admin($"203.0.113.{50 + a}").PostFormAsync("/admin/login", new() { ["Username"] = user, ["Password"] = "wrong" });
        Assert.Contains("账号已锁定", await (await Admin(Owner).PostFormAsync("/admin/login", new() { ["Username"] = user, ["Password"] = password })).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stranger_guessing_a_scanner_password_is_blocked_while_the_scanner_still_logs_in()
    {
        var (_, siteId) = await _factory.SiteAsync();
        var senior = await _factory.SeniorAsync(siteId);
        var stranger = _factory.From(Stranger);
        for (var i = 0; i < 5; i++)
            await HttpAssert.Problem(await stranger.PostJson("/api/checkpoint/login", new { phone = senior.Phone, password = "wrong1234x" }),
                HttpStatusCode.Unauthorized, "checkpoint.credentials_invalid");
        await HttpAssert.Problem(await stranger.PostJson("/api/checkpoint/login", new { phone = senior.Phone, password = CheckpointKit.Password }),
            HttpStatusCode.TooManyRequests, "checkpoint.account_locked");
        await HttpAssert.Ok(await _factory.From(Owner).PostJson("/api/checkpoint/login", new { phone = senior.Phone, password = CheckpointKit.Password }));
    }

    [PostgresFact]
    public async Task Parallel_staff_guesses_from_one_address_get_no_more_tries_than_the_limit()
    {
        var (user, password) = await AdminClient.StaffWithAsync(_factory, Permissions.Statistics);
        var pages = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            await (await Admin(Stranger).PostFormAsync("/admin/login", new() { ["Username"] = user, ["Password"] = "wrong-" + i })).Content.ReadAsStringAsync()));
        // Five tries are taken before any password is checked; the fifth wrong one blocks the address.
        Assert.Equal(4, pages.Count(p => p.Contains("账号或密码错误")));
        Assert.Equal(16, pages.Count(p => p.Contains("账号已锁定")));
        Assert.Equal(HttpStatusCode.Redirect, (await Admin(Owner).PostFormAsync("/admin/login", new() { ["Username"] = user, ["Password"] = password })).StatusCode);
    }

    [PostgresFact]
    public async Task Parallel_scanner_guesses_from_one_address_get_no_more_tries_than_the_limit()
    {
        var (_, siteId) = await _factory.SiteAsync();
        var senior = await _factory.SeniorAsync(siteId);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            _factory.From(Stranger).PostJson("/api/checkpoint/login", new { phone = senior.Phone, password = "wrong1234x" })));
        Assert.Equal(5, answers.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(15, answers.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        await HttpAssert.Ok(await _factory.From(Owner).PostJson("/api/checkpoint/login", new { phone = senior.Phone, password = CheckpointKit.Password }));
    }

    public void Dispose() => _factory.Dispose();
}
