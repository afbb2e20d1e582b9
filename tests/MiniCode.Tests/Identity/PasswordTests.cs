using System.Net;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

public sealed class PasswordTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(string Phone, string Username, System.Text.Json.JsonElement Login)> RegisterAsync(string password = "abc12345")
    {
        var phone = IdentityTestKit.NextPhone();
        var username = IdentityTestKit.Unique("u");
        var code = await _client.SendCodeAsync(phone, "register");
        var login = await HttpAssert.Ok(await _client.PostJson("/api/auth/password/register", new { phone, code, password, username }));
        return (phone, username, login);
    }

    [Fact]
    public async Task Register_then_log_in_by_phone_or_username()
    {
        var (phone, username, registered) = await RegisterAsync();
        Assert.True(registered.GetProperty("account").GetProperty("hasPassword").GetBoolean());
        var byPhone = await HttpAssert.Ok(await _client.PostJson("/api/auth/password/login", new { login = phone, password = "abc12345" }));
        var byName = await HttpAssert.Ok(await _client.PostJson("/api/auth/password/login", new { login = username, password = "abc12345", stayLoggedIn = true }));
        Assert.Equal(byPhone.GetProperty("account").GetProperty("id").GetInt64(), byName.GetProperty("account").GetProperty("id").GetInt64());
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(365), byName.GetProperty("expiresAt").GetDateTimeOffset());

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var again = await _client.PostJson("/api/auth/password/register", new { phone, code = await _client.SendCodeAsync(phone, "register"), password = "abc12345" });
        await HttpAssert.Problem(again, HttpStatusCode.Conflict, "identity.phone_registered");
    }

    [Fact]
    public async Task Weak_password_and_unknown_user_are_refused()
    {
        var body = await HttpAssert.Problem(await _client.PostJson("/api/auth/password/register",
            new { phone = IdentityTestKit.NextPhone(), code = "123456", password = "short" }), HttpStatusCode.BadRequest, "request.validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("password", out _));
        await HttpAssert.Problem(await _client.PostJson("/api/auth/password/login", new { login = "nobody_here", password = "abc12345" }), HttpStatusCode.Unauthorized, "identity.credentials_invalid");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_the_lockout_ends()
    {
        var (phone, _, _) = await RegisterAsync();
        for (var i = 0; i < 5; i++)
            await HttpAssert.Problem(await _client.PostJson("/api/auth/password/login", new { login = phone, password = "wrong1234" }), HttpStatusCode.Unauthorized, "identity.credentials_invalid");
        var locked = await _client.PostJson("/api/auth/password/login", new { login = phone, password = "abc12345" });
        await HttpAssert.Problem(locked, HttpStatusCode.TooManyRequests, "identity.account_locked");
        Assert.Equal(15 * 60, IdentityTestKit.RetryAfter(locked));

        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        await HttpAssert.Ok(await _client.PostJson("/api/auth/password/login", new { login = phone, password = "abc12345" }));
    }

    [Fact]
    public async Task Reset_by_sms_sets_a_new_password_and_ends_every_session()
    {
        var (phone, _, registered) = await RegisterAsync();
        var oldSession = IdentityTestKit.Authorized(factory, registered);
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var code = await _client.SendCodeAsync(phone, "reset-password");
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostJson("/api/auth/password/reset", new { phone, code, newPassword = "new12345" })).StatusCode);

        await HttpAssert.Problem(await oldSession.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.session_revoked");
        await HttpAssert.Problem(await _client.PostJson("/api/auth/password/login", new { login = phone, password = "abc12345" }), HttpStatusCode.Unauthorized, "identity.credentials_invalid");
        await HttpAssert.Ok(await _client.PostJson("/api/auth/password/login", new { login = phone, password = "new12345" }));
    }

    [Fact]
    public async Task Change_password_needs_the_current_one()
    {
        var (phone, _, registered) = await RegisterAsync();
        var session = IdentityTestKit.Authorized(factory, registered);
        await HttpAssert.Problem(await session.PostJson("/api/me/password", new { currentPassword = "nope12345", newPassword = "next12345" }), HttpStatusCode.BadRequest, "identity.password_wrong");
        Assert.Equal(HttpStatusCode.NoContent, (await session.PostJson("/api/me/password", new { currentPassword = "abc12345", newPassword = "next12345" })).StatusCode);
        await HttpAssert.Ok(await session.GetAsync("/api/me")); // the session that changed it stays
        await HttpAssert.Ok(await _client.PostJson("/api/auth/password/login", new { login = phone, password = "next12345" }));
    }

    [Fact]
    public async Task A_taken_username_is_refused_and_an_sms_account_can_set_its_first_password()
    {
        var (_, username, _) = await RegisterAsync();
        var phone = IdentityTestKit.NextPhone();
        var taken = await _client.PostJson("/api/auth/password/register", new { phone, code = await _client.SendCodeAsync(phone, "register"), password = "abc12345", username });
        await HttpAssert.Problem(taken, HttpStatusCode.Conflict, "identity.username_taken");

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var login = await HttpAssert.Ok(await _client.PostJson("/api/auth/sms/login", new { phone, code = await _client.SendCodeAsync(phone, "login") }));
        var session = IdentityTestKit.Authorized(factory, login);
        Assert.Equal(HttpStatusCode.NoContent, (await session.PostJson("/api/me/password", new { newPassword = "first1234" })).StatusCode);
        await HttpAssert.Ok(await _client.PostJson("/api/auth/password/login", new { login = phone, password = "first1234" }));
    }
}
