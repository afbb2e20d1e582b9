using System.Net.Http.Json;
using System.Text.Json;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Platform.WeChat;

/// <summary>
/// Typed client for the WeChat server APIs a mini-program backend calls. Errors arrive as HTTP 200 with
/// <c>errcode</c>/<c>errmsg</c> and are mapped by <see cref="WeChatErrors.ForErrcode"/>. Calls that need the access token
/// are retried once with a renewed token when WeChat answers 40001/42001.
/// </summary>
public sealed class WeChatApiClient(HttpClient http, IOptions<WeChatOptions> options, WeChatAccessTokenCache tokens)
    : IWeChatLoginClient, IWeChatMiniProgramCodeClient, IWeChatSubscribeMessageClient, IWeChatFaceClient
{
    public const string HttpClientName = "wechat";
    private WeChatOptions O => options.Value;

    public async Task<WeChatSession> CodeToSessionAsync(string code, CancellationToken ct = default)
    {
        var url = "sns/jscode2session?appid=" + Uri.EscapeDataString(O.AppId) + "&secret=" + Uri.EscapeDataString(O.AppSecret)
            + "&js_code=" + Uri.EscapeDataString(code) + "&grant_type=authorization_code";
        var (body, _) = await PlatformHttp.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, url), WeChatErrors.Failures(O), ct);
        var json = ParseChecked(body, O);
        var openId = json.TryGetProperty("openid", out var o) ? o.GetString() : null;
        var sessionKey = json.TryGetProperty("session_key", out var k) ? k.GetString() : null;
        if (string.IsNullOrEmpty(openId) || string.IsNullOrEmpty(sessionKey)) throw WeChatErrors.Failures(O).Raise(WeChatErrors.Failed);
        var unionId = json.TryGetProperty("unionid", out var u) ? u.GetString() : null;
        return new WeChatSession(openId, sessionKey, string.IsNullOrEmpty(unionId) ? null : unionId);
    }

    public async Task<WeChatPhone> GetUserPhoneNumberAsync(string code, CancellationToken ct = default)
    {
        var (body, _) = await SendWithTokenAsync(t => Post("wxa/business/getuserphonenumber", t, new { code }), ct);
        var root = ParseChecked(body, O);
        try
        {
            var info = root.GetProperty("phone_info");
            // countryCode arrives as a number or a string depending on the WeChat version.
            var country = info.GetProperty("countryCode") is { ValueKind: JsonValueKind.Number } n ? n.GetRawText() : info.GetProperty("countryCode").GetString() ?? "";
            return new WeChatPhone(info.GetProperty("phoneNumber").GetString() ?? "", info.GetProperty("purePhoneNumber").GetString() ?? "", country);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            throw WeChatErrors.Failures(O).Raise(WeChatErrors.Failed, "微信响应缺少 phone_info");
        }
    }

    public async Task<byte[]> GetUnlimitedCodeAsync(WxaCodeRequest request, CancellationToken ct = default)
    {
        new InputValidator()
            .Required(request.Scene, "scene", "场景值", 32)
            .Check(request.Width is >= 280 and <= 1280, "width", "宽度须在 280 到 1280 之间")
            .Check(request.EnvVersion is "release" or "trial" or "develop", "envVersion", "版本须为 release、trial 或 develop")
            .ThrowIfInvalid();
        var (body, mediaType) = await SendWithTokenAsync(t => Post("wxa/getwxacodeunlimit", t, new
        {
            scene = request.Scene, page = request.Page, width = request.Width, env_version = request.EnvVersion, check_path = request.CheckPath,
        }), ct);
        if (IsJson(mediaType, body)) ParseChecked(body, O); // an error answer; a success is never JSON
        return body;
    }

    public async Task SendAsync(SubscribeMessage message, CancellationToken ct = default)
    {
        var data = message.Data.ToDictionary(kv => kv.Key, kv => new { value = kv.Value });
        var (body, _) = await SendWithTokenAsync(t => Post("cgi-bin/message/subscribe/send", t, new
        {
            touser = message.ToUserOpenId, template_id = message.TemplateId, page = message.Page, data,
            miniprogram_state = message.MiniProgramState, lang = message.Lang,
        }), ct);
        ParseChecked(body, O);
    }

    public async Task<string> GetUserIdKeyAsync(string name, string idCardNumber, CancellationToken ct = default)
    {
        var (body, _) = await SendWithTokenAsync(t => Post("cityservice/face/identify/getuseridkey", t, new { name, id_card_number = idCardNumber }), ct);
        var root = ParseChecked(body, O);
        return root.TryGetProperty("user_id_key", out var k) && k.GetString() is { Length: > 0 } key
            ? key : throw WeChatErrors.Failures(O).Raise(WeChatErrors.Failed, "微信响应缺少 user_id_key");
    }

    public async Task<WeChatFaceInfo> GetFaceInfoAsync(string verifyResult, CancellationToken ct = default)
    {
        var (body, _) = await SendWithTokenAsync(t => Post("cityservice/face/identify/getinfo", t, new { verify_result = verifyResult }), ct);
        JsonElement root;
        try { root = JsonDocument.Parse(body).RootElement; }
        catch (JsonException) { throw WeChatErrors.Failures(O).Raise(WeChatErrors.Failed, "无法解析微信响应"); }
        // A refused verify_result is an answer about the face, not platform trouble: the caller reads errcode.
        int Int(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : -1;
        long Long(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
        string? Str(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new WeChatFaceInfo(root.TryGetProperty("errcode", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 0,
            Int("identify_ret"), Str("openid"), Str("id_card_number_md5"), Str("name_utf8_md5"), Long("finish_time"));
    }

    private static HttpRequestMessage Post(string path, string token, object payload) =>
        new(HttpMethod.Post, path + "?access_token=" + Uri.EscapeDataString(token)) { Content = JsonContent.Create(payload) };

    private async Task<(byte[] Body, string? MediaType)> SendWithTokenAsync(Func<string, HttpRequestMessage> build, CancellationToken ct)
    {
        var token = await tokens.GetAsync(ct);
        var result = await PlatformHttp.SendAsync(http, build(token), WeChatErrors.Failures(O), ct);
        if (ErrcodeOf(result.Body, result.MediaType) is 40001 or 42001)
        {
            token = await tokens.RenewAfterRejectionAsync(token, ct);
            result = await PlatformHttp.SendAsync(http, build(token), WeChatErrors.Failures(O), ct);
        }
        return result;
    }

    private static int? ErrcodeOf(byte[] body, string? mediaType)
    {
        if (!IsJson(mediaType, body)) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("errcode", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : null;
        }
        catch (JsonException) { return null; }
    }

    private static bool IsJson(string? mediaType, byte[] body) =>
        mediaType is "application/json" or "text/plain" || (body.Length > 0 && body[0] == (byte)'{');

    /// <summary>Parses a WeChat JSON answer and throws the mapped error when <c>errcode</c> is non-zero.</summary>
    internal static JsonElement ParseChecked(byte[] body, WeChatOptions o)
    {
        JsonElement root;
        try { root = JsonDocument.Parse(body).RootElement; }
        catch (JsonException) { throw WeChatErrors.Failures(o).Raise(WeChatErrors.Failed, "无法解析微信响应"); }
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errcode", out var e) && e.ValueKind == JsonValueKind.Number && e.GetInt32() != 0)
            throw WeChatErrors.Failures(o).Raise(WeChatErrors.ForErrcode(e.GetInt32()), $"errcode {e.GetInt32()}");
        return root;
    }
}
