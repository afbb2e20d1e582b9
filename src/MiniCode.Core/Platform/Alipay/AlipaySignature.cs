using System.Security.Cryptography;
using System.Text;

namespace MiniCode.Platform.Alipay;

/// <summary>RSA2 (SHA256withRSA, PKCS#1 v1.5) over Alipay's canonical texts.</summary>
public static class AlipaySignature
{
    /// <summary>Non-empty parameters except <c>sign</c>, sorted by key (ordinal), joined <c>k=v&amp;…</c>, unencoded.</summary>
    public static string SignContent(IEnumerable<KeyValuePair<string, string?>> parameters) =>
        string.Join("&", parameters.Where(p => p.Key != "sign" && !string.IsNullOrEmpty(p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));

    public static string Sign(string content, RSA privateKey) =>
        Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(string content, string? signature, RSA publicKey)
    {
        if (string.IsNullOrEmpty(signature)) return false;
        try
        {
            return publicKey.VerifyData(Encoding.UTF8.GetBytes(content), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException) { return false; }
    }

    /// <summary>
    /// The exact raw text of the JSON value under <paramref name="nodeName"/> in the gateway's answer, as Alipay signed
    /// it (re-serialising would change spacing or escapes and break the signature).
    /// </summary>
    public static string? RawNode(string body, string nodeName)
    {
        var key = "\"" + nodeName + "\"";
        var at = body.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) return null;
        var i = body.IndexOf(':', at + key.Length);
        if (i < 0) return null;
        i++;
        while (i < body.Length && char.IsWhiteSpace(body[i])) i++;
        if (i >= body.Length || body[i] != '{') return null;
        int depth = 0, start = i;
        var inString = false;
        for (; i < body.Length; i++)
        {
            var c = body[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return body.Substring(start, i - start + 1);
        }
        return null;
    }

    /// <summary>
    /// <c>my.getPhoneNumber</c>: verify <paramref name="sign"/> over <c>"\"" + response + "\""</c>, then AES-128-CBC with a
    /// zero IV and PKCS#7 padding, key = base64 AES key. Returns the decrypted JSON, or null when the signature fails.
    /// </summary>
    public static string? DecryptPhoneResponse(string response, string sign, RSA alipayPublicKey, byte[] aesKey)
    {
        if (!Verify("\"" + response + "\"", sign, alipayPublicKey)) return null;
        using var aes = Aes.Create();
        aes.Key = aesKey;
        return Encoding.UTF8.GetString(aes.DecryptCbc(Convert.FromBase64String(response), new byte[16], PaddingMode.PKCS7));
    }

    /// <summary>The reverse of <see cref="DecryptPhoneResponse"/>, as Alipay builds it (used by the simulator).</summary>
    public static (string Response, string Sign) EncryptPhoneResponse(string json, RSA alipayPrivateKey, byte[] aesKey)
    {
        using var aes = Aes.Create();
        aes.Key = aesKey;
        var response = Convert.ToBase64String(aes.EncryptCbc(Encoding.UTF8.GetBytes(json), new byte[16], PaddingMode.PKCS7));
        return (response, Sign("\"" + response + "\"", alipayPrivateKey));
    }
}
