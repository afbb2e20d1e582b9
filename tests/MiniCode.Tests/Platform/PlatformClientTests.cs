using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Infrastructure.Errors;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.Simulator;
using MiniCode.Platform.WeChat;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Platform;

/// <summary>The clients other features call (mini-program codes, subscribe messages, Alipay QR codes), against the simulator.</summary>
public sealed class PlatformClientTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private T Client<T>() where T : notnull
    {
        _ = factory.Server;
        return factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();
    }

    [Fact]
    public async Task Unlimited_wxacode_is_a_png_image()
    {
        var png = await Client<IWeChatMiniProgramCodeClient>().GetUnlimitedCodeAsync(new WxaCodeRequest("venue=42", "pages/scan/index", 430));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task Wxacode_arguments_are_checked_before_calling_wechat()
    {
        var error = await Assert.ThrowsAsync<ApiException>(() => Client<IWeChatMiniProgramCodeClient>().GetUnlimitedCodeAsync(new WxaCodeRequest(new string('s', 33), Width: 100)));
        Assert.Equal(CommonErrors.ValidationFailed, error.Error);
    }

    [Fact]
    public async Task Subscribe_message_reaches_the_simulator_and_a_refusal_has_its_code()
    {
        var openId = IdentityTestKit.Unique("o-");
        await Client<IWeChatSubscribeMessageClient>().SendAsync(new SubscribeMessage(openId, "tmpl-colour", new Dictionary<string, string> { ["thing1"] = "健康码颜色变更" }, "pages/code/index"));
        var messages = await HttpAssert.Ok(await factory.CreateClient().GetAsync("/simulator/wechat/simulator/subscribe-messages?openid=" + openId));
        Assert.Equal("tmpl-colour", messages[0].GetProperty("templateId").GetString());
        var data = System.Text.Json.JsonDocument.Parse(messages[0].GetProperty("dataJson").GetString()!).RootElement;
        Assert.Equal("健康码颜色变更", data.GetProperty("thing1").GetProperty("value").GetString());

        var refused = await Assert.ThrowsAsync<ApiException>(() => Client<IWeChatSubscribeMessageClient>().SendAsync(new SubscribeMessage("sim-refused-1", "t", new Dictionary<string, string>())));
        Assert.Equal(WeChatErrors.SubscribeRefused, refused.Error);
    }

    [Fact]
    public async Task Access_token_is_cached_and_fetched_by_one_refresher()
    {
        var state = factory.Services.GetRequiredService<SimulatorState>();
        var client = Client<IWeChatMiniProgramCodeClient>();
        await client.GetUnlimitedCodeAsync(new WxaCodeRequest("warm"));
        var issued = state.AccessTokensIssued;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Client<IWeChatMiniProgramCodeClient>().GetUnlimitedCodeAsync(new WxaCodeRequest("s" + i))));
        Assert.Equal(issued, state.AccessTokensIssued);

        state.ExpireTokens();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Client<IWeChatMiniProgramCodeClient>().GetUnlimitedCodeAsync(new WxaCodeRequest("r" + i))));
        Assert.Equal(issued + 1, state.AccessTokensIssued); // eight rejections, one renewal
    }

    [Fact]
    public async Task Alipay_qrcode_create_is_signed_and_verified()
    {
        var url = await Client<IAlipayQrCodeClient>().CreateQrCodeAsync("pages/scan/index", "venue=42", "场所码");
        Assert.StartsWith("https://", url);
        var error = await Assert.ThrowsAsync<ApiException>(() => Client<IAlipayQrCodeClient>().CreateQrCodeAsync("", "x", "y"));
        Assert.Equal(AlipayErrors.Failed, error.Error);
    }
}

public sealed class SimulatorSwitchTests
{
    [Fact]
    public async Task The_simulator_is_off_unless_configured()
    {
        using var factory = new MiniCodeFactory().With("MiniCode:Parts:Simulator", "false");
        await HttpAssert.Problem(await factory.CreateClient().GetAsync("/simulator/sms/outbox"), HttpStatusCode.NotFound, "common.not_found");
        var login = await factory.CreateClient().PostJson("/api/auth/wechat/login", new { code = "sim:o-1" });
        await HttpAssert.Problem(login, HttpStatusCode.BadGateway, "wechat.unreachable");
    }

    [Fact]
    public async Task Without_the_simulator_face_verification_fails_closed()
    {
        using var factory = new MiniCodeFactory().With("MiniCode:Parts:Simulator", "false");
        var user = await factory.AnonymousCitizenAsync();
        var response = await user.Client.PostJson("/api/me/real-name", new { name = "张三", idNumber = TestUsers.NextIdNumber(new DateOnly(1990, 1, 1)), faceToken = "sim:pass" });
        await HttpAssert.Problem(response, HttpStatusCode.ServiceUnavailable, "identity.face_unavailable");
    }
}
