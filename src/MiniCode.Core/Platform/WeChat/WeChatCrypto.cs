using System.Security.Cryptography;
using System.Text;

namespace MiniCode.Platform.WeChat;

/// <summary>Open-data checks with the user's <c>session_key</c>: rawData signature and encryptedData decryption.</summary>
public static class WeChatCrypto
{
    /// <summary><c>signature == sha1(rawData + session_key)</c> in lowercase hex, compared in constant time.</summary>
    public static bool VerifyRawData(string rawData, string sessionKey, string signature)
    {
        var expected = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(rawData + sessionKey)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }

    /// <summary>AES-128-CBC with PKCS#7 padding, key = base64(session_key), iv = base64(iv).</summary>
    public static string DecryptData(string encryptedData, string sessionKey, string iv)
    {
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(sessionKey);
        return Encoding.UTF8.GetString(aes.DecryptCbc(Convert.FromBase64String(encryptedData), Convert.FromBase64String(iv), PaddingMode.PKCS7));
    }
}
