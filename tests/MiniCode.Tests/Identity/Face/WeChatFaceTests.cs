using System.Net;
using System.Text.Json;
using MiniCode.Tests.Infrastructure;
using static MiniCode.Tests.Identity.Face.FaceKit;

namespace MiniCode.Tests.Identity.Face;

/// <summary>Identity:Face:Provider = WeChat: getuseridkey, wx.startFacialRecognitionVerify (simulated), getinfo.</summary>
public sealed class WeChatFaceTests : IDisposable
{
    private readonly FaceFactory _factory = new("WeChat");

    private async Task<string> FaceStepAsync(string openId, string? userIdKey = null, string? name = null, string? idNumber = null, int identifyRet = 0)
    {
        var step = await HttpAssert.Ok(await _factory.CreateClient().PostJson("/simulator/wechat/simulator/face-verify",
            new { openid = openId, user_id_key = userIdKey, name, id_card_number = idNumber, identify_ret = identifyRet }));
        return step.GetProperty("verifyResult").GetString()!;
    }

    [Fact]
    public async Task A_verify_result_of_the_callers_face_on_the_document_real_names_once()
    {
        var (client, openId) = await WeChatCitizenAsync(_factory);
        var id = NewIdNumber();
        var session = await client.StartAsync("real_name", Name, id);
        Assert.Equal("wechat", session.GetProperty("provider").GetString());
        var verifyResult = await FaceStepAsync(openId, session.GetProperty("userIdKey").GetString());

        var me = await HttpAssert.Ok(await client.RealNameAsync(id, verifyResult));
        Assert.Equal("王**", me.GetProperty("realName").GetProperty("name").GetString()); // masked
        // The same result again, for the face check before showing the code: used already.
        await HttpAssert.Problem(await client.FaceCheckAsync(verifyResult), HttpStatusCode.BadRequest, "identity.face_reused");
        var fresh = await FaceStepAsync(openId, name: Name, idNumber: id);
        await HttpAssert.Ok(await client.FaceCheckAsync(fresh));
    }

    [Fact]
    public async Task Another_document_another_openid_or_a_failed_face_is_a_mismatch_that_says_nothing_about_the_document()
    {
        var (client, openId) = await WeChatCitizenAsync(_factory);
        var id = NewIdNumber();
        var other = await FaceStepAsync(openId, name: Name, idNumber: NewIdNumber());
        var someoneElses = await FaceStepAsync(IdentityTestKit.Unique("o-other-"), name: Name, idNumber: id);
        var failed = await FaceStepAsync(openId, name: Name, idNumber: id, identifyRet: 90100);
        var answers = new List<JsonElement>();
        foreach (var token in new[] { other, someoneElses, failed, "not-a-verify-result" })
            answers.Add(await HttpAssert.Problem(await client.RealNameAsync(id, token), HttpStatusCode.BadRequest, "identity.face_mismatch"));
        Assert.Single(answers.Select(a => a.GetProperty("title").GetString()).Distinct());
        await HttpAssert.Ok(await client.RealNameAsync(id, await FaceStepAsync(openId, name: Name, idNumber: id)));
    }

    [Fact]
    public async Task A_result_older_than_the_configured_age_is_expired()
    {
        var (client, openId) = await WeChatCitizenAsync(_factory);
        var id = NewIdNumber();
        var verifyResult = await FaceStepAsync(openId, name: Name, idNumber: id);
        _factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await HttpAssert.Problem(await client.RealNameAsync(id, verifyResult), HttpStatusCode.BadRequest, "identity.face_expired");
    }

    [Fact]
    public async Task WeChat_down_is_a_503_with_retry_after_and_the_result_stays_usable()
    {
        var (client, openId) = await WeChatCitizenAsync(_factory);
        var id = NewIdNumber();
        await OutageAsync(_factory);
        await AssertUnavailableAsync(await client.PostJson("/api/me/face/sessions", new { purpose = "real_name", name = Name, idNumber = id }));
        var verifyResult = await FaceStepAsync(openId, name: Name, idNumber: id);
        await OutageAsync(_factory);
        await AssertUnavailableAsync(await client.RealNameAsync(id, verifyResult));
        await HttpAssert.Ok(await client.RealNameAsync(id, verifyResult));
    }

    [Fact]
    public async Task The_provider_follows_the_callers_platform_and_an_account_on_neither_gets_409()
    {
        var alipay = await AlipayCitizenAsync(_factory);
        Assert.Equal("alipay", (await alipay.StartAsync("real_name", Name, NewIdNumber())).GetProperty("provider").GetString());

        var smsOnly = await _factory.AnonymousCitizenAsync();
        await HttpAssert.Problem(await smsOnly.Client.PostJson("/api/me/face/sessions", new { purpose = "real_name", name = Name, idNumber = NewIdNumber() }),
            HttpStatusCode.Conflict, "identity.face_platform_required");
        await HttpAssert.Problem(await smsOnly.Client.RealNameAsync(NewIdNumber(), "anything"), HttpStatusCode.Conflict, "identity.face_platform_required");
    }

    [Fact]
    public async Task Simulator_tokens_mean_nothing_to_a_real_provider()
    {
        var (client, _) = await WeChatCitizenAsync(_factory);
        await HttpAssert.Problem(await client.RealNameAsync(NewIdNumber(), "sim:pass"), HttpStatusCode.BadRequest, "identity.face_mismatch");
    }

    public void Dispose() => _factory.Dispose();
}
