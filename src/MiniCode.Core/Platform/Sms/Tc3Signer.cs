using System.Security.Cryptography;
using System.Text;

namespace MiniCode.Platform.Sms;

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

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static byte[] Hmac(byte[] key, string text) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));
}
