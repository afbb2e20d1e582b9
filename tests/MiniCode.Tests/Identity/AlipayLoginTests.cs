using System.Net;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

public sealed class AlipayLoginTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Sim_auth_code_logs_in_through_the_signed_gateway()
    {
        var userId = "2088" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999);
        var first = await HttpAssert.Ok(await _client.PostJson("/api/auth/alipay/login", new { authCode = "sim:" + userId }));
        var again = await HttpAssert.Ok(await _client.PostJson("/api/auth/alipay/login", new { authCode = "sim:" + userId, stayLoggedIn = true }));
        Assert.Equal(first.GetProperty("account").GetProperty("id").GetInt64(), again.GetProperty("account").GetProperty("id").GetInt64());
        Assert.True(first.GetProperty("account").GetProperty("alipayBound").GetBoolean());
        Assert.DoesNotContain("access", first.GetRawText(), StringComparison.OrdinalIgnoreCase); // Alipay's token stays on the server
    }

    [Theory]
    [InlineData("bogus", HttpStatusCode.BadRequest, "alipay.code_invalid")]
    [InlineData("sim-busy:x", HttpStatusCode.ServiceUnavailable, "alipay.busy")]
    [InlineData("sim-badsign:x", HttpStatusCode.BadGateway, "alipay.bad_signature")]
    public async Task Alipay_errors_map_to_their_own_codes(string authCode, HttpStatusCode status, string errorCode)
    {
        var response = await _client.PostJson("/api/auth/alipay/login", new { authCode });
        await HttpAssert.Problem(response, status, errorCode);
        if ((int)status >= 500) Assert.NotNull(IdentityTestKit.RetryAfter(response));
    }

    [Fact]
    public async Task Slow_alipay_is_a_503_with_retry_after()
    {
        using var slow = new MiniCodeFactory().With("Alipay:Timeout", "00:00:00.300");
        var response = await slow.CreateClient().PostJson("/api/auth/alipay/login", new { authCode = "sim-slow:3000:2088000000000001" });
        await HttpAssert.Problem(response, HttpStatusCode.ServiceUnavailable, "alipay.timeout");
        Assert.NotNull(IdentityTestKit.RetryAfter(response));
    }
}
