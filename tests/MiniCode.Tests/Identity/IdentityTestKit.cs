using System.Net.Http.Headers;
using System.Text.Json;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

/// <summary>A host for identity tests that share it: the per-IP SMS budget is raised since every test client has the same address.</summary>
public class IdentityFactory : MiniCodeFactory
{
    public IdentityFactory() => With("Identity:Sms:PerIpLimit", "100000");
}

public static class IdentityTestKit
{
    private static int _phones = Random.Shared.Next(0, 5_000_000);

    /// <summary>A mobile number no other test uses.</summary>
    public static string NextPhone() => "139" + Interlocked.Increment(ref _phones).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Asks for a code through the API and reads it from the simulator's SMS outbox.</summary>
    public static async Task<string> SendCodeAsync(this HttpClient client, string phone, string purpose)
    {
        await HttpAssert.Ok(await client.PostJson("/api/sms/codes", new { phone, purpose }));
        return await client.LatestCodeAsync(phone);
    }

    public static async Task<string> LatestCodeAsync(this HttpClient client, string phone)
    {
        var outbox = await HttpAssert.Ok(await client.GetAsync("/simulator/sms/outbox?phone=" + phone));
        return outbox[0].GetProperty("code").GetString()!;
    }

    /// <summary>A client logged in through the WeChat simulator as a fresh openid.</summary>
    public static async Task<(HttpClient Client, JsonElement Login)> WeChatUserAsync(this MiniCodeFactory factory, string? openId = null)
    {
        var client = factory.CreateClient();
        var login = await HttpAssert.Ok(await client.PostJson("/api/auth/wechat/login", new { code = "sim:" + (openId ?? Unique("o-")) }));
        return (Authorized(factory, login), login);
    }

    /// <summary>A client logged in through the Alipay simulator as a fresh (or the given) user id.</summary>
    public static async Task<HttpClient> AlipayUserAsync(this MiniCodeFactory factory, string? userId = null)
    {
        var login = await HttpAssert.Ok(await factory.CreateClient().PostJson("/api/auth/alipay/login", new { authCode = "sim:" + (userId ?? Unique("2088")) }));
        return Authorized(factory, login);
    }

    public static HttpClient Authorized(MiniCodeFactory factory, JsonElement login)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("token").GetString());
        return client;
    }

    public static int? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } d ? (int)d.TotalSeconds : null;
}
