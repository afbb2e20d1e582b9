using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MiniCode.Platform.Licences;

/// <summary>
/// The e-licence gateway's request signature: <c>X-Licence-Signature</c> = lower-case hex of
/// HMAC-SHA256(appSecret, "POST\n{path}\n{timestamp}\n{nonce}\n{hex SHA-256 of the body}"), beside
/// <c>X-Licence-AppKey</c>, <c>X-Licence-Timestamp</c> (Unix seconds) and <c>X-Licence-Nonce</c> (32 hex characters).
/// </summary>
public static class LicenceGatewaySignature
{
    public const string AppKeyHeader = "X-Licence-AppKey", TimestampHeader = "X-Licence-Timestamp", NonceHeader = "X-Licence-Nonce",
        SignatureHeader = "X-Licence-Signature";

    public static string Compute(string appSecret, string path, long timestamp, string nonce, string body)
    {
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var text = $"POST\n{path}\n{timestamp.ToString(CultureInfo.InvariantCulture)}\n{nonce}\n{bodyHash}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>A signed POST of the JSON <paramref name="body"/> to <paramref name="uri"/>.</summary>
    public static HttpRequestMessage SignedPost(Uri uri, string appKey, string appSecret, long timestamp, string body)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(AppKeyHeader, appKey);
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(NonceHeader, nonce);
        request.Headers.Add(SignatureHeader, Compute(appSecret, uri.AbsolutePath, timestamp, nonce, body));
        return request;
    }

    /// <summary>The gateway's side (the simulator): the signature holds for this secret; timing-safe comparison.</summary>
    public static bool Holds(HttpRequest request, string body, string appSecret)
    {
        if (!long.TryParse(request.Headers[TimestampHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)) return false;
        var nonce = request.Headers[NonceHeader].ToString();
        if (nonce.Length != 32) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(appSecret, (request.PathBase + request.Path).ToUriComponent(), timestamp, nonce, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(request.Headers[SignatureHeader].ToString()));
    }

    /// <summary>Hex SHA-256 of the upper-case ID number: how the ID number travels (the gateway indexes its records by it).</summary>
    public static string IdNumberDigest(string idNumber) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idNumber.Trim().ToUpperInvariant())));
}
