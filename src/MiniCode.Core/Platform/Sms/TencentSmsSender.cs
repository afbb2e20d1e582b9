using System.Text;
using System.Text.Json;

namespace MiniCode.Platform.Sms;

/// <summary>Tencent Cloud SMS <c>SendSms</c> (API 2021-01-11) signed TC3-HMAC-SHA256.</summary>
public sealed class TencentSmsSender(HttpClient http, IOptions<SmsOptions> options, TimeProvider time) : ISmsSender
{
    public const string HttpClientName = "sms-tencent";
    private const string ContentType = "application/json; charset=utf-8";

    public async Task SendAsync(SmsMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        var t = o.Tencent;
        var payload = JsonSerializer.Serialize(new
        {
            PhoneNumberSet = new[] { "+86" + message.Phone },
            SmsSdkAppId = t.SdkAppId,
            SignName = t.SignName,
            TemplateId = t.TemplateId,
            TemplateParamSet = new[] { message.Code, message.ValidMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            SessionContext = message.Purpose,
        });
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent(payload, Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(ContentType);
        var host = http.BaseAddress!.Authority;
        request.Headers.TryAddWithoutValidation("Authorization", Tc3Signer.Authorization(t.SecretId, t.SecretKey, "sms", host, timestamp, ContentType, payload));
        request.Headers.Add("X-TC-Action", "SendSms");
        request.Headers.Add("X-TC-Version", "2021-01-11");
        request.Headers.Add("X-TC-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-TC-Region", t.Region);

        var failures = SmsErrors.Failures(o);
        var (body, _) = await PlatformHttp.SendAsync(http, request, failures, ct);
        using var doc = JsonDocument.Parse(body);
        var response = doc.RootElement.GetProperty("Response");
        if (response.TryGetProperty("Error", out var error))
            throw failures.Raise(Map(error.GetProperty("Code").GetString()), error.GetProperty("Code").GetString());
        var status = response.GetProperty("SendStatusSet")[0].GetProperty("Code").GetString();
        if (!string.Equals(status, "Ok", StringComparison.OrdinalIgnoreCase)) throw failures.Raise(Map(status), status);
    }

    private static Infrastructure.Errors.ErrorCode Map(string? code) =>
        code is not null && (code.StartsWith("LimitExceeded", StringComparison.Ordinal) || code == "RequestLimitExceeded")
            ? SmsErrors.ProviderRateLimited : SmsErrors.ProviderRejected;
}
