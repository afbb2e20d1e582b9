using System.Text.Json;
using MiniCode.Features.Identity;
using MiniCode.Features.Identity.Face;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Platform.TencentCloud;

/// <summary><c>DetectAuth</c>: the BizToken and the URL the mini-program SDK (or H5) runs the face step with.</summary>
public sealed record FaceIdDetection(string BizToken, string Url);

/// <summary><c>GetDetectInfoEnhanced</c> text result: <c>ErrCode</c> 0 is a pass, with the name and ID number verified.</summary>
public sealed record FaceIdResult(int? ErrCode, string? Name, string? IdCard);

/// <summary>
/// Tencent Cloud FaceID (慧眼) API 2018-03-01 at <c>faceid.tencentcloudapi.com</c>, signed TC3-HMAC-SHA256. An
/// <c>Error</c> in the answer is returned as its code for the caller to judge (a bad BizToken is not platform trouble).
/// </summary>
public sealed class TencentFaceIdClient(HttpClient http, IOptions<IdentityOptions> options, TimeProvider time)
{
    public const string HttpClientName = "tencent-faceid";
    private const string Version = "2018-03-01";

    private TencentFaceIdRules O => options.Value.Face.TencentCloud;

    /// <summary>Errors meaning "try later" rather than "this result is no good".</summary>
    public static bool IsTrouble(string code) =>
        code.StartsWith("InternalError", StringComparison.Ordinal) || code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal)
        || code is "ResourceUnavailable" or "FailedOperation.UnKnown" or "UnauthorizedOperation" || code.StartsWith("AuthFailure", StringComparison.Ordinal);

    public async Task<(FaceIdDetection? Detection, string? Error)> DetectAuthAsync(string name, string idCard, CancellationToken ct)
    {
        var payload = new Dictionary<string, string> { ["RuleId"] = O.RuleId, ["IdCard"] = idCard, ["Name"] = name };
        if (O.RedirectUrl.Length > 0) payload["RedirectUrl"] = O.RedirectUrl;
        var (response, error) = await CallAsync("DetectAuth", payload, ct);
        if (error is not null) return (null, error);
        var token = response.TryGetProperty("BizToken", out var t) ? t.GetString() : null;
        var url = response.TryGetProperty("Url", out var u) ? u.GetString() : null;
        return string.IsNullOrEmpty(token) ? (null, "FailedOperation.UnKnown") : (new FaceIdDetection(token, url ?? ""), null);
    }

    public async Task<(FaceIdResult? Result, string? Error)> GetDetectInfoAsync(string bizToken, CancellationToken ct)
    {
        var (response, error) = await CallAsync("GetDetectInfoEnhanced",
            new Dictionary<string, string> { ["BizToken"] = bizToken, ["RuleId"] = O.RuleId, ["InfoType"] = "0" }, ct);
        if (error is not null) return (null, error);
        if (!response.TryGetProperty("Text", out var text) || text.ValueKind != JsonValueKind.Object) return (new FaceIdResult(null, null, null), null);
        int? errCode = text.TryGetProperty("ErrCode", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : null;
        string? Str(string n) => text.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return (new FaceIdResult(errCode, Str("Name"), Str("IdCard")), null);
    }

    /// <summary>The <c>Response</c> node, or the code of its <c>Error</c>. Transport trouble throws (503/502 with Retry-After).</summary>
    private async Task<(JsonElement Response, string? Error)> CallAsync(string action, Dictionary<string, string> payload, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(payload);
        var request = Tc3Signer.SignedPost(http.BaseAddress!.Authority, "faceid", action, Version, O.Region, O.SecretId, O.SecretKey,
            time.GetUtcNow().ToUnixTimeSeconds(), body);
        var failures = new PlatformFailures(IdentityErrors.FaceUnavailable, IdentityErrors.FaceUnavailable, options.Value.Face.RetryAfterSeconds);
        var (bytes, _) = await PlatformHttp.SendAsync(http, request, failures, ct);
        try
        {
            var response = JsonDocument.Parse(bytes).RootElement.GetProperty("Response").Clone();
            var error = response.TryGetProperty("Error", out var err) ? err.GetProperty("Code").GetString() ?? "InternalError" : null;
            return (response, error);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw failures.Raise(IdentityErrors.FaceUnavailable, "无法解析人脸核身服务响应");
        }
    }
}
