using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Platform.Simulator;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

public sealed class PhoneBindingTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private readonly HttpClient _anonymous = factory.CreateClient();

    [Fact]
    public async Task Bind_by_sms_code_and_a_phone_belongs_to_one_account()
    {
        var phone = IdentityTestKit.NextPhone();
        var (alice, _) = await factory.WeChatUserAsync();
        var code = await alice.SendCodeAsync(phone, "bind");
        var me = await HttpAssert.Ok(await alice.PostJson("/api/me/phone/sms", new { phone, code }));
        Assert.Equal(phone[..3] + "****" + phone[^4..], me.GetProperty("phone").GetString());

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var (bob, _) = await factory.WeChatUserAsync();
        var bobCode = await bob.SendCodeAsync(phone, "bind");
        await HttpAssert.Problem(await bob.PostJson("/api/me/phone/sms", new { phone, code = bobCode }), HttpStatusCode.Conflict, "identity.phone_in_use");

        // SMS login with the bound phone reaches the WeChat account that bound it.
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var login = await HttpAssert.Ok(await _anonymous.PostJson("/api/auth/sms/login", new { phone, code = await _anonymous.SendCodeAsync(phone, "login") }));
        Assert.Equal(me.GetProperty("id").GetInt64(), login.GetProperty("account").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Bind_by_wechat_getuserphonenumber_renews_a_rejected_access_token_once()
    {
        var phone = IdentityTestKit.NextPhone();
        var (user, _) = await factory.WeChatUserAsync();
        var state = factory.Services.GetRequiredService<SimulatorState>();
        await HttpAssert.Ok(await user.PostJson("/api/me/phone/wechat", new { code = "sim:" + IdentityTestKit.NextPhone() }));
        var issued = state.AccessTokensIssued;

        await _anonymous.PostAsync("/simulator/wechat/simulator/expire-tokens", null); // the next call gets 40001
        var me = await HttpAssert.Ok(await user.PostJson("/api/me/phone/wechat", new { code = "sim:" + phone }));
        Assert.Equal(phone[..3] + "****" + phone[^4..], me.GetProperty("phone").GetString());
        Assert.Equal(issued + 1, state.AccessTokensIssued);

        await HttpAssert.Problem(await user.PostJson("/api/me/phone/wechat", new { code = "bad" }), HttpStatusCode.BadRequest, "wechat.code_invalid");
        var busy = await user.PostJson("/api/me/phone/wechat", new { code = "sim-busy:x" });
        await HttpAssert.Problem(busy, HttpStatusCode.ServiceUnavailable, "wechat.busy");
    }

    [Fact]
    public async Task Bind_by_alipay_encrypted_phone_response()
    {
        var phone = IdentityTestKit.NextPhone();
        var (user, _) = await factory.WeChatUserAsync();
        var payload = await HttpAssert.Ok(await _anonymous.GetAsync("/simulator/alipay/simulator/phone-response?mobile=" + phone));
        var response = payload.GetProperty("response").GetString()!;
        var sign = payload.GetProperty("sign").GetString()!;

        await HttpAssert.Problem(await user.PostJson("/api/me/phone/alipay", new { response, sign = Tamper(sign) }), HttpStatusCode.BadRequest, "alipay.phone_signature_invalid");
        var me = await HttpAssert.Ok(await user.PostJson("/api/me/phone/alipay", new { response, sign }));
        Assert.Equal(phone[..3] + "****" + phone[^4..], me.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Binding_needs_a_citizen_session()
    {
        await HttpAssert.Problem(await _anonymous.PostJson("/api/me/phone/sms", new { phone = "13800000000", code = "123456" }), HttpStatusCode.Unauthorized, "auth.unauthorized");
    }

    private static string Tamper(string sign)
    {
        var bytes = Convert.FromBase64String(sign);
        bytes[10] ^= 0xFF;
        return Convert.ToBase64String(bytes);
    }
}
