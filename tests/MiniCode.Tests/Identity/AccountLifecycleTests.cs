using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.People;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

public sealed class AccountLifecycleTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task Logout_revokes_the_session()
    {
        var (user, _) = await factory.WeChatUserAsync();
        await HttpAssert.Ok(await user.GetAsync("/api/me"));
        Assert.Equal(HttpStatusCode.NoContent, (await user.PostAsync("/api/auth/logout", null)).StatusCode);
        await HttpAssert.Problem(await user.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.session_revoked");
        await HttpAssert.Problem(await factory.CreateClient().PostAsync("/api/auth/logout", null), HttpStatusCode.Unauthorized, "auth.unauthorized");
    }

    [Fact]
    public async Task Delete_me_removes_personal_data_revokes_sessions_and_keeps_the_audit_fact()
    {
        var openId = IdentityTestKit.Unique("o-");
        var (user, login) = await factory.WeChatUserAsync(openId);
        var accountId = login.GetProperty("account").GetProperty("id").GetInt64();
        var phone = IdentityTestKit.NextPhone();
        await HttpAssert.Ok(await user.PostJson("/api/me/phone/sms", new { phone, code = await user.SendCodeAsync(phone, "bind") }));
        var id = TestUsers.NextIdNumber(new DateOnly(1988, 8, 8));
        await HttpAssert.Ok(await user.PostJson("/api/me/real-name", new { name = "孙七", idNumber = id, faceToken = "sim:pass" }));

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAsync("/api/me")).StatusCode);
        await HttpAssert.Problem(await user.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.session_revoked");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            var account = await db.Set<Account>().SingleAsync(a => a.Id == accountId);
            Assert.Equal(AccountStatus.Deleted, account.Status);
            Assert.Null(account.WeChatOpenId);
            Assert.Null(account.PhoneCipher);
            Assert.Null(account.PhoneIndex);
            Assert.Null(account.PersonId);
            Assert.False(await db.Set<Person>().AnyAsync(p => p.Name == "孙七"));
            Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.Action == "account.deleted" && e.TargetId == accountId.ToString()));
        }

        // The same WeChat user, phone and ID can start afresh.
        var (fresh, again) = await factory.WeChatUserAsync(openId);
        Assert.NotEqual(accountId, again.GetProperty("account").GetProperty("id").GetInt64());
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await HttpAssert.Ok(await fresh.PostJson("/api/me/phone/sms", new { phone, code = await fresh.SendCodeAsync(phone, "bind") }));
        await HttpAssert.Ok(await fresh.PostJson("/api/me/real-name", new { name = "孙七", idNumber = id, faceToken = "sim:pass" }));
    }

    [Fact]
    public async Task Me_shows_only_masked_data()
    {
        var (user, _) = await factory.WeChatUserAsync();
        var phone = IdentityTestKit.NextPhone();
        await HttpAssert.Ok(await user.PostJson("/api/me/phone/sms", new { phone, code = await user.SendCodeAsync(phone, "bind") }));
        var id = TestUsers.NextIdNumber(new DateOnly(1970, 1, 2));
        await HttpAssert.Ok(await user.PostJson("/api/me/real-name", new { name = "周八", idNumber = id, faceToken = "sim:pass" }));
        var text = (await HttpAssert.Ok(await user.GetAsync("/api/me"))).GetRawText();
        Assert.DoesNotContain(phone, text);
        Assert.DoesNotContain(id, text);
        Assert.DoesNotContain("周八", text);
    }
}

public sealed class AccountStatusAndPrivacyTests
{
    [Fact]
    public async Task A_disabled_account_cannot_log_in()
    {
        using var factory = new IdentityFactory();
        var openId = IdentityTestKit.Unique("o-");
        await factory.WeChatUserAsync(openId);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            await db.Set<Account>().Where(a => a.WeChatOpenId == openId).ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AccountStatus.Disabled));
        }
        var response = await factory.CreateClient().PostJson("/api/auth/wechat/login", new { code = "sim:" + openId });
        await HttpAssert.Problem(response, HttpStatusCode.Forbidden, "identity.account_disabled");
    }

    [Fact]
    public async Task Phones_and_id_numbers_never_reach_the_logs()
    {
        var phone = IdentityTestKit.NextPhone();
        var id = TestUsers.NextIdNumber(new DateOnly(1980, 2, 2));
        var factory = new IdentityFactory();
        try
        {
            var client = factory.CreateClient();
            var login = await HttpAssert.Ok(await client.PostJson("/api/auth/sms/login", new { phone, code = await client.SendCodeAsync(phone, "login") }));
            var user = IdentityTestKit.Authorized(factory, login);
            await HttpAssert.Ok(await user.PostJson("/api/me/real-name", new { name = "吴九", idNumber = id, faceToken = "sim:pass" }));
            await HttpAssert.Problem(await user.PostJson("/api/me/real-name", new { name = "吴九", idNumber = id, faceToken = "sim:pass" }), HttpStatusCode.Conflict, "identity.already_verified");
        }
        finally { factory.Dispose(); }
        var logs = factory.ReadLogs();
        Assert.Contains("/api/auth/sms/login", logs);
        Assert.DoesNotContain(phone, logs);
        Assert.DoesNotContain(id, logs);
    }
}
