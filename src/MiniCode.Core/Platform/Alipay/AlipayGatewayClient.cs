using System.Globalization;
using System.Text.Json;

namespace MiniCode.Platform.Alipay;

public sealed record AlipayOAuthToken(string? UserId, string? OpenId, string AccessToken, int ExpiresInSeconds);

public interface IAlipayLoginClient
{
    Task<AlipayOAuthToken> OAuthTokenAsync(string authCode, CancellationToken ct = default);
}

/// <summary>Mini-program QR codes (<c>alipay.open.app.qrcode.create</c>) for posters and venues; returns the image URL.</summary>
public interface IAlipayQrCodeClient
{
    Task<string> CreateQrCodeAsync(string urlParam, string queryParam, string describe, CancellationToken ct = default);
}

/// <summary>
/// Mini-program template messages (<c>alipay.open.app.mini.templatemessage.send</c>). Alipay wants a <c>form_id</c> from a
/// form the user submitted in the mini program; without one only the simulator accepts the message.
/// </summary>
public sealed record AlipayTemplateMessage(string ToUserId, string UserTemplateId, IReadOnlyDictionary<string, string> Data,
    string? Page = null, string? FormId = null);

/// <summary>
/// 支付宝身份验证 (<c>alipay.user.certify.open.*</c>): initialize with the claimed name and ID number, the certify page URL
/// for <c>my.startAPVerify</c>, then the query (<c>passed</c> = "T").
/// </summary>
public interface IAlipayCertifyClient
{
    Task<string> InitializeCertifyAsync(string outerOrderNo, string certName, string certNo, string returnUrl, CancellationToken ct = default);
    string CertifyUrl(string certifyId);
    Task<bool> QueryCertifyPassedAsync(string certifyId, CancellationToken ct = default);
}

public interface IAlipayTemplateMessageClient
{
    Task SendTemplateMessageAsync(AlipayTemplateMessage message, CancellationToken ct = default);
}

/// <summary>
/// Alipay open-platform gateway: form POST with the common parameters signed RSA2; the answer's
/// <c>&lt;method&gt;_response</c> node is verified against Alipay's public key over its raw text.
/// </summary>
public sealed class AlipayGatewayClient(HttpClient http, IOptions<AlipayOptions> options, AlipayKeys keys, TimeProvider time)
    : IAlipayLoginClient, IAlipayQrCodeClient, IAlipayTemplateMessageClient, IAlipayCertifyClient
{
    public const string HttpClientName = "alipay";
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China", "China");

    public async Task<AlipayOAuthToken> OAuthTokenAsync(string authCode, CancellationToken ct = default)
    {
        var node = await ExecuteAsync("alipay.system.oauth.token", new() { ["grant_type"] = "authorization_code", ["code"] = authCode }, null, ct);
        var expires = node.TryGetProperty("expires_in", out var e)
            ? e.ValueKind == JsonValueKind.Number ? e.GetInt32() : int.Parse(e.GetString() ?? "0", CultureInfo.InvariantCulture) : 0;
        return new AlipayOAuthToken(Str(node, "user_id"), Str(node, "open_id"), Str(node, "access_token") ?? "", expires);
    }

    public async Task<string> CreateQrCodeAsync(string urlParam, string queryParam, string describe, CancellationToken ct = default)
    {
        var node = await ExecuteAsync("alipay.open.app.qrcode.create", new(),
            new { url_param = urlParam, query_param = queryParam, describe }, ct);
        return Str(node, "qr_code_url") ?? throw AlipayErrors.Failures(options.Value).Raise(AlipayErrors.Failed);
    }

    public async Task SendTemplateMessageAsync(AlipayTemplateMessage message, CancellationToken ct = default)
    {
        // data travels as a JSON string inside biz_content: {"keyword1":{"value":"..."},...}
        var data = JsonSerializer.Serialize(message.Data.ToDictionary(kv => kv.Key, kv => new { value = kv.Value }));
        await ExecuteAsync("alipay.open.app.mini.templatemessage.send", new(), new
        {
            to_user_id = message.ToUserId, form_id = message.FormId, user_template_id = message.UserTemplateId, page = message.Page, data,
        }, ct);
    }

    public async Task<string> InitializeCertifyAsync(string outerOrderNo, string certName, string certNo, string returnUrl, CancellationToken ct = default)
    {
        var node = await ExecuteAsync("alipay.user.certify.open.initialize", new(), new
        {
            outer_order_no = outerOrderNo,
            biz_code = "FACE",
            identity_param = new { identity_type = "CERT_INFO", cert_type = "IDENTITY_CARD", cert_name = certName, cert_no = certNo },
            merchant_config = new { return_url = returnUrl },
        }, ct);
        return Str(node, "certify_id") ?? throw AlipayErrors.Failures(options.Value).Raise(AlipayErrors.Failed, "支付宝响应缺少 certify_id");
    }

    /// <summary>
    /// <c>alipay.user.certify.open.certify</c> is a page call: the signed request itself, as a gateway GET URL, is what
    /// <c>my.startAPVerify</c> opens (the SDK's pageExecute with GET).
    /// </summary>
    public string CertifyUrl(string certifyId)
    {
        var p = SignedParameters("alipay.user.certify.open.certify", new(), new { certify_id = certifyId });
        var query = string.Join("&", p.Where(kv => !string.IsNullOrEmpty(kv.Value))
            .Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value!)));
        return options.Value.GatewayUrl + (options.Value.GatewayUrl.Contains('?') ? "&" : "?") + query;
    }

    public async Task<bool> QueryCertifyPassedAsync(string certifyId, CancellationToken ct = default)
    {
        var node = await ExecuteAsync("alipay.user.certify.open.query", new(), new { certify_id = certifyId }, ct);
        return Str(node, "passed") == "T";
    }

    private Dictionary<string, string?> SignedParameters(string method, Dictionary<string, string?> topLevel, object? bizContent)
    {
        var o = options.Value;
        var p = new Dictionary<string, string?>(topLevel)
        {
            ["app_id"] = o.AppId,
            ["method"] = method,
            ["format"] = "json",
            ["charset"] = "utf-8",
            ["sign_type"] = "RSA2",
            ["timestamp"] = TimeZoneInfo.ConvertTime(time.GetUtcNow(), China).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["version"] = "1.0",
        };
        if (bizContent is not null) p["biz_content"] = JsonSerializer.Serialize(bizContent);
        p["sign"] = AlipaySignature.Sign(AlipaySignature.SignContent(p), keys.AppPrivateKey);
        return p;
    }

    /// <summary>Calls <paramref name="method"/> and returns its verified response node; error responses throw their mapped error.</summary>
    public async Task<JsonElement> ExecuteAsync(string method, Dictionary<string, string?> topLevel, object? bizContent, CancellationToken ct)
    {
        var failures = AlipayErrors.Failures(options.Value);
        var p = SignedParameters(method, topLevel, bizContent);
        var request = new HttpRequestMessage(HttpMethod.Post, "")
        {
            Content = new FormUrlEncodedContent(p.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!))),
        };
        var (bytes, _) = await PlatformHttp.SendAsync(http, request, failures, ct);
        var body = System.Text.Encoding.UTF8.GetString(bytes);
        JsonElement root;
        try { root = JsonDocument.Parse(body).RootElement; }
        catch (JsonException) { throw failures.Raise(AlipayErrors.Failed, "无法解析支付宝响应"); }
        var sign = Str(root, "sign");

        var nodeName = method.Replace('.', '_') + "_response";
        if (root.TryGetProperty("error_response", out var error))
        {
            // Error responses are signed too when the app could be identified; verify when a signature came.
            if (sign is not null && !AlipaySignature.Verify(AlipaySignature.RawNode(body, "error_response") ?? "", sign, keys.AlipayPublicKey))
                throw failures.Raise(AlipayErrors.BadSignature);
            throw Mapped(error, failures);
        }
        var raw = AlipaySignature.RawNode(body, nodeName);
        if (raw is null || !root.TryGetProperty(nodeName, out var node)) throw failures.Raise(AlipayErrors.Failed, "支付宝响应缺少业务节点");
        if (!AlipaySignature.Verify(raw, sign, keys.AlipayPublicKey)) throw failures.Raise(AlipayErrors.BadSignature);
        if (Str(node, "code") is { } code && code != "10000") throw Mapped(node, failures);
        return node.Clone();
    }

    private static Infrastructure.Errors.ApiException Mapped(JsonElement error, PlatformFailures failures) =>
        failures.Raise(AlipayErrors.For(Str(error, "code"), Str(error, "sub_code")), $"{Str(error, "code")} {Str(error, "sub_code")}".Trim());

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;
}
