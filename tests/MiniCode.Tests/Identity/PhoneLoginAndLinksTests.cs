using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

/// <summary>One-tap phone login (WeChat, Alipay), linking and unlinking login methods, and the session lifetime switch.</summary>
public sealed class PhoneLoginAndLinksTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private readonly HttpClient _anonymous = factory.CreateClient();

    private async Task<long> RegisterWithPasswordAsync(string phone)
    {
        var code = await _anonymous.SendCodeAsync(phone, "register");
        var login = await HttpAssert.Ok(await _anonymous.PostJson("/api/auth/password/register", new { phone, code, password = "Passw0rdOk" }));
        return login.GetProperty("account").GetProperty("id").GetInt64();
    }

    private async Task<JsonElement> AlipayPhoneAnswerAsync(string phone) =>
        await HttpAssert.Ok(await _anonymous.GetAsync("/simulator/alipay/simulator/phone-response?mobile=" + phone));

    private static IEnumerable<string> Methods(JsonElement account) =>
        account.GetProperty("logins").EnumerateArray().Where(l => l.GetProperty("thisAccount").GetBoolean()).Select(l => l.GetProperty("method").GetString()!);

    [Fact]
    public async Task WeChat_one_tap_phone_login_reaches_the_password_registered_account_and_links_the_openid()
    {
        var phone = IdentityTestKit.NextPhone();
        var accountId = await RegisterWithPasswordAsync(phone);
        var openId = IdentityTestKit.Unique("o-");

        var login = await HttpAssert.Ok(await _anonymous.PostJson("/api/auth/wechat/phone-login",
            new { loginCode = "sim:" + openId, phoneCode = "sim:" + phone, stayLoggedIn = true }));
        Assert.Equal(accountId, login.GetProperty("account").GetProperty("id").GetInt64());
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(365), login.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(["wechat", "phone", "password"], Methods(login.GetProperty("account")));

        // The plain WeChat login now finds the same account.
        var plain = await HttpAssert.Ok(await _anonymous.PostJson("/api/auth/wechat/login", new { code = "sim:" + openId }));
        Assert.Equal(accountId, plain.GetProperty("account").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Alipay_one_tap_phone_login_reaches_the_password_registered_account()
    {
        var phone = IdentityTestKit.NextPhone();
        var accountId = await RegisterWithPasswordAsync(phone);
        var answer = await AlipayPhoneAnswerAsync(phone);
        var userId = IdentityTestKit.Unique("2088");
        var login = await HttpAssert.Ok(await _anonymous.PostJson("/api/auth/alipay/phone-login",
            new { authCode = "sim:" + userId, response = answer.GetProperty("response").GetString(), sign = answer.GetProperty("sign").GetString() }));
        Assert.Equal(accountId, login.GetProperty("account").GetProperty("id").GetInt64());
        Assert.True(login.GetProperty("account").GetProperty("alipayBound").GetBoolean());

        await HttpAssert.Problem(await _anonymous.PostJson("/api/auth/alipay/phone-login",
            new { authCode = "sim:" + userId, response = answer.GetProperty("response").GetString(), sign = "AAAA" + answer.GetProperty("sign").GetString()![4..] }),
            HttpStatusCode.BadRequest, "alipay.phone_signature_invalid");
    }

    [Fact]
    public async Task One_tap_phone_login_with_a_new_phone_creates_an_account_holding_both()
    {
        var phone = IdentityTestKit.NextPhone();
        var login = await HttpAssert.Ok(await _anonymous.PostJson("/api/auth/wechat/phone-login",
            new { loginCode = "sim:" + IdentityTestKit.Unique("o-"), phoneCode = "sim:" + phone }));
        Assert.Equal(["wechat", "phone"], Methods(login.GetProperty("account")));
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(30), login.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_phone_bound_to_another_account_is_never_moved_and_the_answer_names_its_logins()
    {
        var phone = IdentityTestKit.NextPhone();
        var holder = await RegisterWithPasswordAsync(phone);
        var openId = IdentityTestKit.Unique("o-");
        var (wechatUser, wechatLogin) = await factory.WeChatUserAsync(openId);

        var refused = await HttpAssert.Problem(await _anonymous.PostJson("/api/auth/wechat/phone-login",
            new { loginCode = "sim:" + openId, phoneCode = "sim:" + phone }), HttpStatusCode.Conflict, "identity.phone_bound_elsewhere");
        Assert.Contains("手机号验证码、密码", refused.GetProperty("detail").GetString());
        Assert.Equal(["phone", "password"], refused.GetProperty("logins").EnumerateArray().Select(e => e.GetString()));

        // Nothing moved: the WeChat account has no phone, the password account keeps it.
        Assert.Equal(JsonValueKind.Null, (await HttpAssert.Ok(await wechatUser.GetAsync("/api/me"))).GetProperty("phone").ValueKind);
        var byPassword = await HttpAssert.Ok(await _anonymous.PostJson("/api/auth/password/login", new { login = phone, password = "Passw0rdOk" }));
        Assert.Equal(holder, byPassword.GetProperty("account").GetProperty("id").GetInt64());
        Assert.NotEqual(holder, wechatLogin.GetProperty("account").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Link_and_unlink_with_proof_never_the_last_login()
    {
        var openId = IdentityTestKit.Unique("o-");
        var (user, _) = await factory.WeChatUserAsync(openId);
        await HttpAssert.Problem(await user.SendAsync(Unlink("wechat", "sim:" + openId)), HttpStatusCode.Conflict, "identity.last_login");

        var takenUserId = IdentityTestKit.Unique("2088");
        await factory.AlipayUserAsync(takenUserId);
        await HttpAssert.Problem(await user.PostJson("/api/me/links/alipay", new { authCode = "sim:" + takenUserId }), HttpStatusCode.Conflict, "identity.login_in_use");
        var userId = IdentityTestKit.Unique("2088");
        var linked = await HttpAssert.Ok(await user.PostJson("/api/me/links/alipay", new { authCode = "sim:" + userId }));
        Assert.Equal(["wechat", "alipay"], Methods(linked));
        await HttpAssert.Problem(await user.PostJson("/api/me/links/alipay", new { authCode = "sim:" + IdentityTestKit.Unique("2088") }),
            HttpStatusCode.Conflict, "identity.login_already_linked");

        // The proof must be this account's own WeChat login.
        await HttpAssert.Problem(await user.SendAsync(Unlink("wechat", "sim:" + IdentityTestKit.Unique("o-"))), HttpStatusCode.BadRequest, "identity.login_proof_invalid");
        var unlinked = await HttpAssert.Ok(await user.SendAsync(Unlink("wechat", "sim:" + openId)));
        Assert.Equal(["alipay"], Methods(unlinked));
        await HttpAssert.Problem(await user.SendAsync(Unlink("alipay", "sim:" + userId)), HttpStatusCode.Conflict, "identity.last_login");

        var phone = IdentityTestKit.NextPhone();
        var withPhone = await HttpAssert.Ok(await user.PostJson("/api/me/links/phone", new { phone, code = await user.SendCodeAsync(phone, "bind") }));
        Assert.Equal(["alipay", "phone"], Methods(withPhone));
        Assert.Equal(["phone"], Methods(await HttpAssert.Ok(await user.SendAsync(Unlink("alipay", "sim:" + userId)))));
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await HttpAssert.Problem(await user.SendAsync(Unlink("phone", await user.SendCodeAsync(phone, "bind"))), HttpStatusCode.Conflict, "identity.last_login");
        await HttpAssert.Problem(await user.SendAsync(Unlink("password", "x")), HttpStatusCode.NotFound, "identity.login_not_linked");

        // The WeChat login is free again: it opens a new account now.
        var fresh = await HttpAssert.Ok(await _anonymous.PostJson("/api/auth/wechat/login", new { code = "sim:" + openId }));
        Assert.NotEqual(unlinked.GetProperty("id").GetInt64(), fresh.GetProperty("account").GetProperty("id").GetInt64());
    }

    private static HttpRequestMessage Unlink(string method, string code) =>
        new(HttpMethod.Delete, "/api/me/links/" + method) { Content = JsonContent.Create(new { code }) };

    [Fact]
    public async Task The_session_switches_between_normal_and_stay_logged_in()
    {
        var (user, _) = await factory.WeChatUserAsync();
        var stay = await HttpAssert.Ok(await user.PutAsJsonAsync("/api/me/session", new { stayLoggedIn = true }));
        Assert.True(stay.GetProperty("stayLoggedIn").GetBoolean());
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(365), stay.GetProperty("expiresAt").GetDateTimeOffset());

        // Idle for longer than a normal session may be: still logged in.
        factory.Clock.Advance(TimeSpan.FromDays(8));
        await HttpAssert.Ok(await user.GetAsync("/api/me"));

        var normal = await HttpAssert.Ok(await user.PutAsJsonAsync("/api/me/session", new { stayLoggedIn = false }));
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(30), normal.GetProperty("expiresAt").GetDateTimeOffset());
        factory.Clock.Advance(TimeSpan.FromDays(8));
        await HttpAssert.Problem(await user.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.session_expired");
        await HttpAssert.Problem(await factory.CreateClient().PutAsJsonAsync("/api/me/session", new { stayLoggedIn = true }), HttpStatusCode.Unauthorized, "auth.unauthorized");
    }
}
