using System.Net;
using System.Security.Cryptography;
using System.Text;
using MiniCode.Platform.Simulator;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

/// <summary>Open data is checked with the session key kept from the WeChat login (the simulator's key per openid is known).</summary>
public sealed class WeChatOpenDataTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task Raw_data_signature_and_encrypted_data_check_out_with_the_kept_session_key()
    {
        var openId = IdentityTestKit.Unique("o-");
        var (user, _) = await factory.WeChatUserAsync(openId);
        var key = SimulatorState.SessionKeyFor(openId);
        const string rawData = "{\"nickName\":\"Band\",\"gender\":1}";
        var signature = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(rawData + key)));
        var (encrypted, iv) = Encrypt("{\"openId\":\"" + openId + "\",\"watermark\":{\"timestamp\":1,\"appid\":\"wx-test-app\"}}", key);

        var ok = await HttpAssert.Ok(await user.PostJson("/api/me/wechat/open-data", new { rawData, signature, encryptedData = encrypted, iv }));
        Assert.True(ok.GetProperty("verified").GetBoolean());
        Assert.Equal(openId, ok.GetProperty("data").GetProperty("openId").GetString());

        await HttpAssert.Problem(await user.PostJson("/api/me/wechat/open-data", new { rawData = rawData + " ", signature }), HttpStatusCode.BadRequest, "wechat.signature_invalid");
        var (otherApp, otherIv) = Encrypt("{\"watermark\":{\"appid\":\"wx-other\"}}", key);
        await HttpAssert.Problem(await user.PostJson("/api/me/wechat/open-data", new { encryptedData = otherApp, iv = otherIv }), HttpStatusCode.BadRequest, "wechat.decrypt_failed");
        await HttpAssert.Problem(await user.PostJson("/api/me/wechat/open-data", new { encryptedData = "bm90LWNpcGhlcg==", iv }), HttpStatusCode.BadRequest, "wechat.decrypt_failed");
        await HttpAssert.Problem(await user.PostJson("/api/me/wechat/open-data", new { }), HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public async Task Accounts_without_a_wechat_login_have_no_session_key()
    {
        var user = await factory.AnonymousCitizenAsync();
        await HttpAssert.Problem(await user.Client.PostJson("/api/me/wechat/open-data", new { rawData = "{}", signature = "00" }), HttpStatusCode.BadRequest, "wechat.session_key_missing");
    }

    private static (string Data, string Iv) Encrypt(string plain, string sessionKey)
    {
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(sessionKey);
        var iv = RandomNumberGenerator.GetBytes(16);
        return (Convert.ToBase64String(aes.EncryptCbc(Encoding.UTF8.GetBytes(plain), iv, PaddingMode.PKCS7)), Convert.ToBase64String(iv));
    }
}
