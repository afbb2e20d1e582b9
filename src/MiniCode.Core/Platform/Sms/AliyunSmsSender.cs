using System.Globalization;
using System.Text.Json;

namespace MiniCode.Platform.Sms;

/// <summary>Aliyun Dysms <c>SendSms</c> (RPC style, version 2017-05-25) signed HMAC-SHA1.</summary>
public sealed class AliyunSmsSender(HttpClient http, IOptions<SmsOptions> options, TimeProvider time) : ISmsSender
{
    public const string HttpClientName = "sms-aliyun";

    public async Task SendAsync(SmsMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        var a = o.Aliyun;
        var p = new Dictionary<string, string>
        {
            ["AccessKeyId"] = a.AccessKeyId,
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["PhoneNumbers"] = message.Phone,
            ["RegionId"] = a.RegionId,
            ["SignName"] = a.SignName,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = Guid.NewGuid().ToString(),
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = a.TemplateCode,
            ["TemplateParam"] = JsonSerializer.Serialize(new { code = message.Code }),
            ["Timestamp"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Version"] = "2017-05-25",
        };
        p["Signature"] = AliyunRpcSigner.Signature("GET", p, a.AccessKeySecret);
        var query = string.Join("&", p.Select(kv => AliyunRpcSigner.Encode(kv.Key) + "=" + AliyunRpcSigner.Encode(kv.Value)));

        var failures = SmsErrors.Failures(o);
        var (body, _) = await PlatformHttp.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "?" + query), failures, ct);
        string? code;
        try { code = JsonDocument.Parse(body).RootElement.TryGetProperty("Code", out var c) ? c.GetString() : null; }
        catch (JsonException) { code = null; }
        if (code == "OK") return;
        throw failures.Raise(code is "isv.BUSINESS_LIMIT_CONTROL" or "Throttling.User" ? SmsErrors.ProviderRateLimited : SmsErrors.ProviderRejected, code);
    }
}
