using System.Security.Cryptography;
using System.Text.Json;
using MiniCode.Platform.Alipay;

namespace MiniCode.Platform.Simulator;

/// <summary>
/// The Alipay open-platform gateway under <c>/simulator/alipay/gateway.do</c>: checks the app's RSA2 request signature and
/// signs its answers with the simulator's own platform key, as Alipay does.
/// </summary>
internal static class AlipaySimulator
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder sim)
    {
        var g = sim.MapGroup("/alipay");
        g.MapPost("/gateway.do", Gateway).DisableAntiforgery();
        g.MapGet("/simulator/template-messages", (string? to_user_id, SimulatorState s) => Results.Json(s.AlipayTemplates(to_user_id)));
        // What my.getPhoneNumber hands the mini program: {"response": base64 AES, "sign": RSA2 over "\"" + response + "\""}.
        g.MapGet("/simulator/phone-response", (string mobile, AlipayKeys keys) =>
        {
            using var key = AlipayKeys.ImportPrivate(keys.SimulatorPrivateKeyText());
            var plain = JsonSerializer.Serialize(new { code = "10000", msg = "Success", mobile }, Json);
            var (response, sign) = AlipaySignature.EncryptPhoneResponse(plain, key, keys.AesKey);
            return Results.Json(new { response, sign });
        });
    }

    private static async Task<IResult> Gateway(HttpRequest request, AlipayKeys keys, IOptions<AlipayOptions> options, SimulatorState state, TimeProvider time)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var p = form.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        var method = p.GetValueOrDefault("method") ?? "";
        using var platformKey = AlipayKeys.ImportPrivate(keys.SimulatorPrivateKeyText());
        using var appPublic = AlipayKeys.ImportPublic(keys.AppPublicKeyText());

        if (p.GetValueOrDefault("app_id") != options.Value.AppId) return Error("40002", "Invalid Arguments", "isv.invalid-app-id", "无效的AppID参数", platformKey);
        if (p.GetValueOrDefault("sign_type") != "RSA2" || !AlipaySignature.Verify(AlipaySignature.SignContent(p), p.GetValueOrDefault("sign"), appPublic))
            return Error("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错", platformKey);

        switch (method)
        {
            case "alipay.system.oauth.token":
                return await OAuthToken(p, platformKey, request.HttpContext.RequestAborted);
            case "alipay.open.app.qrcode.create":
                var biz = JsonDocument.Parse(p.GetValueOrDefault("biz_content") ?? "{}").RootElement;
                var urlParam = biz.TryGetProperty("url_param", out var u) ? u.GetString() : null;
                if (string.IsNullOrEmpty(urlParam)) return Node(method, new { code = "40004", msg = "Business Failed", sub_code = "INVALID_PARAMETER", sub_msg = "url_param不能为空" }, platformKey);
                var id = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(p.GetValueOrDefault("biz_content") ?? "")))[..16];
                return Node(method, new { code = "10000", msg = "Success", qr_code_url = $"https://sim.alipay.example/qr/{id}.jpg" }, platformKey);
            case "alipay.open.app.mini.templatemessage.send":
                return TemplateMessage(p, state, time, platformKey);
            case FaceSimulator.AlipayInitialize or FaceSimulator.AlipayQuery:
                return FaceSimulator.AlipayCertify(method, p, request.HttpContext.RequestServices.GetRequiredService<FaceSimulatorState>(), time, platformKey);
            default:
                return Error("40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名", platformKey);
        }
    }

    private static async Task<IResult> OAuthToken(Dictionary<string, string?> p, RSA platformKey, CancellationToken ct)
    {
        const string method = "alipay.system.oauth.token";
        var (delay, code) = SimulatorCodes.Delay(p.GetValueOrDefault("code") ?? "");
        if (delay > TimeSpan.Zero) await Task.Delay(delay, ct);
        if (p.GetValueOrDefault("grant_type") != "authorization_code") return Error("40002", "Invalid Arguments", "isv.grant-type-invalid", "grant_type参数不正确", platformKey);
        if (code.StartsWith(SimulatorCodes.Busy, StringComparison.Ordinal)) return Error("20000", "Service Currently Unavailable", "isp.unknow-error", "系统繁忙", platformKey);
        if (code.StartsWith(SimulatorCodes.BadSign, StringComparison.Ordinal))
            return Node(method, new { user_id = "2088000000000000", access_token = "x", expires_in = 1296000 }, platformKey, tamper: true);
        if (!code.StartsWith(SimulatorCodes.Success, StringComparison.Ordinal) || code.Length == SimulatorCodes.Success.Length)
            return Error("40002", "Invalid Arguments", "isv.code-invalid", "授权码code无效", platformKey);
        var userId = code[SimulatorCodes.Success.Length..];
        return Node(method, new
        {
            user_id = userId,
            open_id = "sim-open-" + userId,
            access_token = "sim-authbseB" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            expires_in = "1296000", // Alipay sends it as a string here
            refresh_token = "sim-refresh-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            re_expires_in = 2592000,
        }, platformKey);
    }

    /// <summary>Records the message for <c>/simulator/alipay/simulator/template-messages</c>; a user id starting "sim-refused" is refused.</summary>
    private static IResult TemplateMessage(Dictionary<string, string?> p, SimulatorState state, TimeProvider time, RSA platformKey)
    {
        const string method = "alipay.open.app.mini.templatemessage.send";
        var biz = JsonDocument.Parse(p.GetValueOrDefault("biz_content") ?? "{}").RootElement;
        string? Field(string name) => biz.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var toUser = Field("to_user_id");
        var template = Field("user_template_id");
        if (string.IsNullOrEmpty(toUser) || string.IsNullOrEmpty(template))
            return Node(method, new { code = "40004", msg = "Business Failed", sub_code = "INVALID_PARAMETER", sub_msg = "to_user_id和user_template_id不能为空" }, platformKey);
        if (toUser.StartsWith("sim-refused", StringComparison.Ordinal))
            return Node(method, new { code = "40004", msg = "Business Failed", sub_code = "USER_NOT_SUBSCRIBED", sub_msg = "用户未订阅该消息" }, platformKey);
        state.AddAlipayTemplate(new SimulatorState.AlipayTemplateRecord(toUser, template, Field("page"), Field("data") ?? "{}", time.GetUtcNow()));
        return Node(method, new { code = "10000", msg = "Success" }, platformKey);
    }

    internal static IResult Error(string code, string msg, string subCode, string subMsg, RSA key) =>
        Signed("error_response", new { code, msg, sub_code = subCode, sub_msg = subMsg }, key, tamper: false);

    internal static IResult Node(string method, object node, RSA key, bool tamper = false) =>
        Signed(method.Replace('.', '_') + "_response", node, key, tamper);

    /// <summary>Writes <c>{"&lt;node&gt;":{...},"sign":"..."}</c> with the signature over the node's exact text.</summary>
    private static IResult Signed(string nodeName, object node, RSA key, bool tamper)
    {
        var nodeText = JsonSerializer.Serialize(node, Json);
        var sign = AlipaySignature.Sign(tamper ? nodeText + " " : nodeText, key);
        var body = "{\"" + nodeName + "\":" + nodeText + ",\"sign\":\"" + sign + "\"}";
        return Results.Text(body, "application/json; charset=utf-8");
    }
}
