using System.Security.Cryptography;
using System.Text;

namespace MiniCode.Platform.TencentCloud;

/// <summary>Tencent Cloud API 3.0 signature (TC3-HMAC-SHA256) of a POST with signed headers content-type and host.</summary>
public static class Tc3Signer
{
    public const string Algorithm = "TC3-HMAC-SHA256";

    public static string Signature(string secretKey, string service, string host, long timestamp, string contentType, string payload)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var canonical = $"POST\n/\n\ncontent-type:{contentType}\nhost:{host}\n\ncontent-type;host\n{Sha256Hex(payload)}";
        var stringToSign = $"{Algorithm}\n{timestamp}\n{date}/{service}/tc3_request\n{Sha256Hex(canonical)}";
        var kDate = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        var kService = Hmac(kDate, service);
        var kSigning = Hmac(kService, "tc3_request");
        return Convert.ToHexStringLower(Hmac(kSigning, stringToSign));
    }

    public static string Authorization(string secretId, string secretKey, string service, string host, long timestamp, string contentType, string payload)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var signature = Signature(secretKey, service, host, timestamp, contentType, payload);
        return $"{Algorithm} Credential={secretId}/{date}/{service}/tc3_request, SignedHeaders=content-type;host, Signature={signature}";
    }

    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>A signed Tencent Cloud API 3.0 POST of <paramref name="payload"/> (JSON) to <paramref name="host"/>'s root.</summary>
    public static HttpRequestMessage SignedPost(string host, string service, string action, string version, string? region,
        string secretId, string secretKey, long timestamp, string payload)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent(payload, Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(JsonContentType);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(secretId, secretKey, service, host, timestamp, JsonContentType, payload));
        request.Headers.Add("X-TC-Action", action);
        request.Headers.Add("X-TC-Version", version);
        request.Headers.Add("X-TC-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(region)) request.Headers.Add("X-TC-Region", region);
        return request;
    }

    /// <summary>True when a received request carries the signature <paramref name="secretKey"/> would give it (the simulator's check).</summary>
    public static bool IsSigned(HttpRequest request, string payload, string secretId, string secretKey, string service)
    {
        long.TryParse(request.Headers["X-TC-Timestamp"], out var timestamp);
        var expected = Authorization(secretId, secretKey, service, request.Host.Value ?? "", timestamp, request.ContentType ?? "", payload);
        return request.Headers.Authorization.ToString() == expected;
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static byte[] Hmac(byte[] key, string text) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));
}
