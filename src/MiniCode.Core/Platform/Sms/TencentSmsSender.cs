using System.Text.Json;
using MiniCode.Platform.TencentCloud;

namespace MiniCode.Platform.Sms;

/// <summary>Tencent Cloud SMS <c>SendSms</c> (API 2021-01-11) signed TC3-HMAC-SHA256.</summary>
public sealed class TencentSmsSender(HttpClient http, IOptions<SmsOptions> options, TimeProvider time) : ISmsSender
{
    public const string HttpClientName = "sms-tencent";

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
        var request = Tc3Signer.SignedPost(http.BaseAddress!.Authority, "sms", "SendSms", "2021-01-11", t.Region, t.SecretId, t.SecretKey, timestamp, payload);

        var failures = SmsErrors.Failures(o);
        var (body, _) = await PlatformHttp.SendAsync(http, request, failures, ct);
        string? errorCode, status;
        try
        {
            var response = JsonDocument.Parse(body).RootElement.GetProperty("Response");
            errorCode = response.TryGetProperty("Error", out var error) ? error.GetProperty("Code").GetString() : null;
            status = errorCode is null ? response.GetProperty("SendStatusSet")[0].GetProperty("Code").GetString() : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw failures.Raise(SmsErrors.ProviderRejected, "无法解析短信服务响应");
        }
        if (errorCode is not null) throw failures.Raise(Map(errorCode), errorCode);
        if (!string.Equals(status, "Ok", StringComparison.OrdinalIgnoreCase)) throw failures.Raise(Map(status), status);
    }

    private static Infrastructure.Errors.ErrorCode Map(string? code) =>
        code is not null && (code.StartsWith("LimitExceeded", StringComparison.Ordinal) || code == "RequestLimitExceeded")
            ? SmsErrors.ProviderRateLimited : SmsErrors.ProviderRejected;
}
