using System.Net;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Platform;

/// <summary>The configured provider sends the code: signed requests to the simulated Tencent Cloud and Aliyun endpoints.</summary>
public sealed class SmsProviderTests
{
    [Theory]
    [InlineData("Tencent", "tencent")]
    [InlineData("Aliyun", "aliyun")]
    [InlineData("Log", "log")]
    public async Task The_configured_provider_delivers_a_code_that_logs_in(string provider, string outboxProvider)
    {
        using var factory = new MiniCodeFactory().With("Sms:Provider", provider);
        var client = factory.CreateClient();
        var phone = IdentityTestKit.NextPhone();
        await HttpAssert.Ok(await client.PostJson("/api/sms/codes", new { phone, purpose = "login" }));
        var outbox = await HttpAssert.Ok(await client.GetAsync("/simulator/sms/outbox?phone=" + phone));
        Assert.Equal(outboxProvider, outbox[0].GetProperty("provider").GetString());
        var code = outbox[0].GetProperty("code").GetString();
        await HttpAssert.Ok(await client.PostJson("/api/auth/sms/login", new { phone, code }));
    }

    [Theory]
    [InlineData("Tencent")]
    [InlineData("Aliyun")]
    public async Task A_provider_rate_limit_is_a_503_and_costs_no_quota(string provider)
    {
        using var factory = new MiniCodeFactory().With("Sms:Provider", provider);
        var client = factory.CreateClient();
        var response = await client.PostJson("/api/sms/codes", new { phone = "19900001234", purpose = "login" });
        await HttpAssert.Problem(response, HttpStatusCode.ServiceUnavailable, "sms.provider_rate_limited");
        Assert.Equal(60, IdentityTestKit.RetryAfter(response));
    }

    [Theory]
    [InlineData("Tencent")]
    [InlineData("Aliyun")]
    public async Task A_slow_provider_is_a_503_timeout(string provider)
    {
        using var factory = new MiniCodeFactory().With("Sms:Provider", provider).With("Sms:Timeout", "00:00:00.300");
        var response = await factory.CreateClient().PostJson("/api/sms/codes", new { phone = "19900011234", purpose = "login" });
        await HttpAssert.Problem(response, HttpStatusCode.ServiceUnavailable, "sms.provider_timeout");
        Assert.Equal(60, IdentityTestKit.RetryAfter(response));
    }
}
