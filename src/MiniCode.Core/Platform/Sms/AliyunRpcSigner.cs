using System.Security.Cryptography;
using System.Text;

namespace MiniCode.Platform.Sms;

/// <summary>Aliyun RPC signature (HMAC-SHA1): <c>METHOD&amp;%2F&amp;encode(sorted, encoded query)</c>, key = secret + "&amp;".</summary>
public static class AliyunRpcSigner
{
    public static string Signature(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
    {
        var stringToSign = httpMethod + "&" + Encode("/") + "&" + Encode(CanonicalQuery(parameters));
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));

    /// <summary>RFC 3986 percent-encoding of UTF-8 (unreserved A-Z a-z 0-9 - _ . ~ kept), as Aliyun requires.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);
}
