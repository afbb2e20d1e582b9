using System.Net;
using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MiniCode.Tests.Identity;

public sealed class WeChatLoginTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Sim_code_logs_in_and_the_same_openid_returns_to_the_same_account()
    {
        var openId = IdentityTestKit.Unique("o-");
        var first = await HttpAssert.Ok(await _client.PostJson("/api/auth/wechat/login", new { code = $"sim:{openId}@union-{openId}" }));
        var second = await HttpAssert.Ok(await _client.PostJson("/api/auth/wechat/login", new { code = $"sim:{openId}" }));

        Assert.Equal(first.GetProperty("account").GetProperty("id").GetInt64(), second.GetProperty("account").GetProperty("id").GetInt64());
        Assert.NotEqual(first.GetProperty("token").GetString(), second.GetProperty("token").GetString());
        Assert.True(first.GetProperty("account").GetProperty("weChatBound").GetBoolean());
        Assert.DoesNotContain("session", first.GetRawText(), StringComparison.OrdinalIgnoreCase); // session_key stays on the server

        await using var scope = factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<Account>().SingleAsync(a => a.WeChatOpenId == openId);
        Assert.Equal($"union-{openId}", account.WeChatUnionId); // unionid kept when a later login has none
        Assert.StartsWith("v1:", account.WeChatSessionKeyCipher);
    }

    [Fact]
    public async Task Login_token_works_and_stay_logged_in_lasts_365_days()
    {
        var normal = await HttpAssert.Ok(await _client.PostJson("/api/auth/wechat/login", new { code = "sim:" + IdentityTestKit.Unique("o-") }));
        var stay = await HttpAssert.Ok(await _client.PostJson("/api/auth/wechat/login", new { code = "sim:" + IdentityTestKit.Unique("o-"), stayLoggedIn = true }));
        var now = factory.Clock.GetUtcNow();
        Assert.Equal(now.AddDays(30), normal.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(now.AddDays(365), stay.GetProperty("expiresAt").GetDateTimeOffset());

        var me = await HttpAssert.Ok(await IdentityTestKit.Authorized(factory, stay).GetAsync("/api/me"));
        Assert.Equal(stay.GetProperty("account").GetProperty("id").GetInt64(), me.GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("not-a-sim-code", HttpStatusCode.BadRequest, "wechat.code_invalid")]
    [InlineData("sim-used:x", HttpStatusCode.BadRequest, "wechat.code_used")]
    [InlineData("sim-blocked:x", HttpStatusCode.Forbidden, "wechat.user_blocked")]
    [InlineData("sim-limit:x", HttpStatusCode.ServiceUnavailable, "wechat.rate_limited")]
    [InlineData("sim-busy:x", HttpStatusCode.ServiceUnavailable, "wechat.busy")]
    public async Task Every_documented_wechat_error_has_its_own_code(string code, HttpStatusCode status, string errorCode)
    {
        var response = await _client.PostJson("/api/auth/wechat/login", new { code });
        await HttpAssert.Problem(response, status, errorCode);
        if ((int)status >= 500) Assert.Equal(30, IdentityTestKit.RetryAfter(response));
    }

    [Fact]
    public async Task Missing_code_is_a_validation_problem()
    {
        await HttpAssert.Problem(await _client.PostJson("/api/auth/wechat/login", new { code = "" }), HttpStatusCode.BadRequest, "request.validation_failed");
    }
}

/// <summary>A WeChat that answers slower than the client's timeout is a 503 with Retry-After, never a 500.</summary>
public sealed class WeChatTimeoutTests
{
    [Fact]
    public async Task Slow_wechat_is_a_503_with_retry_after()
    {
        using var factory = new MiniCodeFactory().With("WeChat:Timeout", "00:00:00.300").With("WeChat:RetryAfterSeconds", "15");
        var response = await factory.CreateClient().PostJson("/api/auth/wechat/login", new { code = "sim-slow:3000:o-slow" });
        await HttpAssert.Problem(response, HttpStatusCode.ServiceUnavailable, "wechat.timeout");
        Assert.Equal(15, IdentityTestKit.RetryAfter(response));
    }

    [Fact]
    public async Task Unreachable_wechat_is_a_502()
    {
        using var factory = new MiniCodeFactory().With("WeChat:BaseUrl", "http://localhost/no-such-platform/");
        var response = await factory.CreateClient().PostJson("/api/auth/wechat/login", new { code = "sim:o-x" });
        await HttpAssert.Problem(response, HttpStatusCode.BadGateway, "wechat.unreachable");
        Assert.NotNull(IdentityTestKit.RetryAfter(response));
    }
}
