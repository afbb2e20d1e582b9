using System.Text.Json;
using MiniCode.Platform.WeChat;

namespace MiniCode.Platform.Simulator;

/// <summary>WeChat server APIs under <c>/simulator/wechat</c>, with WeChat's paths, parameters, JSON and errcodes.</summary>
internal static class WeChatSimulator
{
    public static void Map(IEndpointRouteBuilder sim)
    {
        var g = sim.MapGroup("/wechat");
        g.MapGet("/sns/jscode2session", CodeToSession);
        g.MapPost("/cgi-bin/stable_token", StableToken);
        g.MapPost("/wxa/business/getuserphonenumber", PhoneNumber);
        g.MapPost("/wxa/getwxacodeunlimit", WxaCode);
        g.MapPost("/cgi-bin/message/subscribe/send", SubscribeSend);
        g.MapPost("/simulator/expire-tokens", (SimulatorState s) => { s.ExpireTokens(); return Results.NoContent(); });
        g.MapPost("/simulator/subscribe-outage", (int? calls, SimulatorState s) => { s.StartSubscribeOutage(calls ?? 1); return Results.NoContent(); });
        g.MapGet("/simulator/subscribe-messages", (string? openid, SimulatorState s) => Results.Json(s.Subscribe(openid)));
    }

    private static IResult Error(int errcode, string errmsg) => Results.Json(new { errcode, errmsg = errmsg + ", rid: sim" });

    private static async Task<IResult> CodeToSession(string? appid, string? secret, string? js_code, string? grant_type,
        IOptions<WeChatOptions> options, HttpContext http)
    {
        if (appid != options.Value.AppId) return Error(40013, "invalid appid");
        if (secret != options.Value.AppSecret) return Error(40125, "invalid appsecret");
        if (grant_type != "authorization_code" || string.IsNullOrEmpty(js_code)) return Error(40029, "invalid code");
        var (delay, code) = SimulatorCodes.Delay(js_code);
        if (delay > TimeSpan.Zero) await Task.Delay(delay, http.RequestAborted);
        if (code.StartsWith(SimulatorCodes.Used, StringComparison.Ordinal)) return Error(40163, "code been used");
        if (code.StartsWith(SimulatorCodes.RateLimited, StringComparison.Ordinal)) return Error(45011, "api minute-quota reach limit mustslower retry next minute");
        if (code.StartsWith(SimulatorCodes.Blocked, StringComparison.Ordinal)) return Error(40226, "invalid user, the user is blocked");
        if (code.StartsWith(SimulatorCodes.Busy, StringComparison.Ordinal)) return Error(-1, "system error");
        if (!code.StartsWith(SimulatorCodes.Success, StringComparison.Ordinal) || code.Length == SimulatorCodes.Success.Length)
            return Error(40029, "invalid code");
        // sim:<openid> or sim:<openid>@<unionid>
        var id = code[SimulatorCodes.Success.Length..];
        var at = id.IndexOf('@');
        var openId = at > 0 ? id[..at] : id;
        var unionId = at > 0 ? id[(at + 1)..] : null;
        var body = new Dictionary<string, string> { ["session_key"] = SimulatorState.SessionKeyFor(openId), ["openid"] = openId };
        if (unionId is { Length: > 0 }) body["unionid"] = unionId;
        return Results.Json(body);
    }

    internal sealed record StableTokenRequest(string? grant_type, string? appid, string? secret, bool? force_refresh);

    private static IResult StableToken(StableTokenRequest request, IOptions<WeChatOptions> options, SimulatorState state)
    {
        if (request.grant_type != "client_credential") return Error(40002, "invalid grant_type");
        if (request.appid != options.Value.AppId) return Error(40013, "invalid appid");
        if (request.secret != options.Value.AppSecret) return Error(40125, "invalid appsecret");
        return Results.Json(new { access_token = state.StableToken(request.force_refresh == true), expires_in = 7200 });
    }

    internal sealed record PhoneRequest(string? code);

    private static IResult PhoneNumber(string? access_token, PhoneRequest request, SimulatorState state, IOptions<WeChatOptions> options, TimeProvider time)
    {
        if (!state.IsValidToken(access_token)) return Error(40001, "invalid credential, access_token is invalid or not latest");
        var code = request.code ?? "";
        if (code.StartsWith(SimulatorCodes.Busy, StringComparison.Ordinal)) return Error(-1, "system error");
        if (!code.StartsWith(SimulatorCodes.Success, StringComparison.Ordinal) || code.Length == SimulatorCodes.Success.Length)
            return Error(40029, "invalid code");
        var phone = code[SimulatorCodes.Success.Length..];
        return Results.Json(new
        {
            errcode = 0,
            errmsg = "ok",
            phone_info = new
            {
                phoneNumber = phone, purePhoneNumber = phone, countryCode = 86,
                watermark = new { timestamp = time.GetUtcNow().ToUnixTimeSeconds(), appid = options.Value.AppId },
            },
        });
    }

    private static async Task<IResult> WxaCode(string? access_token, HttpRequest http, SimulatorState state)
    {
        if (!state.IsValidToken(access_token)) return Error(40001, "invalid credential, access_token is invalid or not latest");
        using var doc = await JsonDocument.ParseAsync(http.Body);
        var root = doc.RootElement;
        var scene = root.TryGetProperty("scene", out var s) ? s.GetString() ?? "" : "";
        var width = root.TryGetProperty("width", out var w) && w.ValueKind == JsonValueKind.Number ? w.GetInt32() : 430;
        if (scene.Length is 0 or > 32) return Error(40169, "invalid length for scene, or the data is not json string");
        if (width is < 280 or > 1280) return Error(40159, "invalid width");
        using var qr = new QRCoder.QRCodeGenerator();
        using var data = qr.CreateQrCode("sim-wxacode:" + scene, QRCoder.QRCodeGenerator.ECCLevel.M);
        var png = new QRCoder.PngByteQRCode(data).GetGraphic(Math.Max(1, width / 50));
        return Results.File(png, "image/png");
    }

    private static async Task<IResult> SubscribeSend(string? access_token, HttpRequest http, SimulatorState state, TimeProvider time)
    {
        if (!state.IsValidToken(access_token)) return Error(40001, "invalid credential, access_token is invalid or not latest");
        using var doc = await JsonDocument.ParseAsync(http.Body);
        var root = doc.RootElement;
        var touser = root.TryGetProperty("touser", out var t) ? t.GetString() ?? "" : "";
        var template = root.TryGetProperty("template_id", out var tid) ? tid.GetString() ?? "" : "";
        if (touser.Length == 0) return Error(40003, "invalid openid");
        if (template.Length == 0) return Error(40037, "invalid template_id");
        if (touser.StartsWith("sim-refused", StringComparison.Ordinal)) return Error(43101, "user refuse to accept the msg");
        if (state.TakeSubscribeOutage()) return Error(-1, "system error");
        var page = root.TryGetProperty("page", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var data = root.TryGetProperty("data", out var d) ? d.GetRawText() : "{}";
        state.AddSubscribe(new SimulatorState.SubscribeRecord(touser, template, page, data, time.GetUtcNow()));
        return Results.Json(new { errcode = 0, errmsg = "ok" });
    }
}
