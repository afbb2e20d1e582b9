using System.Net;
using System.Text.Json;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity.Face;

/// <summary>A host whose face provider is <paramref name="provider"/>, reaching the in-process simulator's wire.</summary>
public sealed class FaceFactory : MiniCodeFactory
{
    public FaceFactory(string provider) => With("Identity:Face:Provider", provider);
}

/// <summary>What a mini program does around a face verification, through the API and the simulator's face steps.</summary>
public static class FaceKit
{
    public const string Name = "王小明";

    public static string NewIdNumber() => TestUsers.NextIdNumber(new DateOnly(1991, 3, 9));

    public static async Task<(HttpClient Client, string OpenId)> WeChatCitizenAsync(MiniCodeFactory factory)
    {
        var openId = IdentityTestKit.Unique("o-face-");
        var (client, _) = await factory.WeChatUserAsync(openId);
        return (client, openId);
    }

    public static async Task<HttpClient> AlipayCitizenAsync(MiniCodeFactory factory)
    {
        var login = await HttpAssert.Ok(await factory.CreateClient().PostJson("/api/auth/alipay/login", new { authCode = "sim:" + IdentityTestKit.Unique("2088") }));
        return IdentityTestKit.Authorized(factory, login);
    }

    public static async Task<JsonElement> StartAsync(this HttpClient client, string purpose, string? name = null, string? idNumber = null) =>
        await HttpAssert.Ok(await client.PostJson("/api/me/face/sessions", new { purpose, name, idNumber }));

    public static Task<HttpResponseMessage> RealNameAsync(this HttpClient client, string idNumber, string? faceToken, string name = Name) =>
        client.PostJson("/api/me/real-name", new { name, idNumber, faceToken });

    public static Task<HttpResponseMessage> FaceCheckAsync(this HttpClient client, string token) =>
        client.PostJson("/api/me/face-check", new { verificationToken = token });

    public static async Task OutageAsync(MiniCodeFactory factory, int calls = 1) =>
        Assert.Equal(HttpStatusCode.NoContent, (await factory.CreateClient().PostAsync($"/simulator/face/outage?calls={calls}", null)).StatusCode);

    /// <summary>A 503 that tells the client when to come back.</summary>
    public static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        await HttpAssert.Problem(response, HttpStatusCode.ServiceUnavailable, "identity.face_unavailable");
        Assert.Equal(30, IdentityTestKit.RetryAfter(response));
    }
}
