using System.Security.Cryptography;
using System.Text.Json;
using MiniCode.Infrastructure.Errors;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.WeChat;

namespace MiniCode.Features.Identity;

/// <summary>The mainland phone a platform vouched for: WeChat's <c>getuserphonenumber</c> or Alipay's <c>my.getPhoneNumber</c>.</summary>
public static class PlatformPhones
{
    /// <summary><paramref name="field"/> is the request field the phone code came in.</summary>
    public static string FromWeChat(WeChatPhone info, string field)
    {
        var phone = PhoneNumbers.Normalise(info.PurePhoneNumber);
        // Only known once WeChat answered, yet it is about the field sent: the same 400 as the validation filter's.
        if (info.CountryCode != "86" || phone is null) throw InputValidator.Failure(field, "仅支持中国大陆手机号");
        return phone;
    }

    /// <summary>Verifies <paramref name="sign"/> over the response with Alipay's key, decrypts it with the AES key and reads <c>mobile</c>.</summary>
    public static string FromAlipay(string response, string sign, AlipayKeys keys)
    {
        string? json;
        try { json = AlipaySignature.DecryptPhoneResponse(response, sign, keys.AlipayPublicKey, keys.AesKey); }
        catch (Exception e) when (e is CryptographicException or FormatException) { throw new ApiException(AlipayErrors.PhoneDecryptFailed); }
        if (json is null) throw new ApiException(AlipayErrors.PhoneSignatureInvalid);
        string? mobile;
        try
        {
            var root = JsonDocument.Parse(json).RootElement;
            mobile = root.TryGetProperty("code", out var c) && c.GetString() == "10000" && root.TryGetProperty("mobile", out var m) ? m.GetString() : null;
        }
        catch (JsonException) { mobile = null; }
        return PhoneNumbers.Normalise(mobile) ?? throw new ApiException(AlipayErrors.PhoneDecryptFailed);
    }
}
