using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Security;
using MiniCode.Platform.WeChat;

namespace MiniCode.Features.Identity;

public sealed record WeChatOpenDataRequest(string? RawData, string? Signature, string? EncryptedData, string? Iv) : IValidatable
{
    [System.Text.Json.Serialization.JsonIgnore] public bool HasRaw => RawData is not null || Signature is not null;
    [System.Text.Json.Serialization.JsonIgnore] public bool HasEncrypted => EncryptedData is not null || Iv is not null;

    public void Validate(InputValidator v, IServiceProvider services)
    {
        v.Check(HasRaw || HasEncrypted, "rawData", "请提供 rawData/signature 或 encryptedData/iv");
        if (HasRaw) v.Required(RawData, "rawData", "rawData", 8192).Required(Signature, "signature", "signature", 64);
        if (HasEncrypted) v.Required(EncryptedData, "encryptedData", "encryptedData", 16384).Required(Iv, "iv", "iv", 64);
    }
}

/// <summary><c>verified</c> is true when every part sent checked out; <c>data</c> is the decrypted object when encryptedData was sent.</summary>
public sealed record WeChatOpenDataResponse(bool Verified, JsonElement? Data);

/// <summary>
/// Checks the mini program's open data (<c>wx.getUserInfo</c> rawData signature, encryptedData) with the session key kept
/// server-side from the last WeChat login; the key itself never leaves the server.
/// </summary>
public static class WeChatOpenData
{
    public static readonly ErrorCode SessionKeyMissing = new("wechat.session_key_missing", 400, "请先使用微信登录");
    public static readonly ErrorCode SignatureInvalid = new("wechat.signature_invalid", 400, "微信数据签名校验失败，请重新登录后再试");
    public static readonly ErrorCode DecryptFailed = new("wechat.decrypt_failed", 400, "微信加密数据无法解密，请重新登录后再试");

    /// <summary>校验并解密微信开放数据</summary>
    /// <remarks>wx.getUserInfo 等返回的 rawData、signature、encryptedData、iv：服务端用登录时保存的 session_key 校验签名（SHA-1）并解密（AES-128-CBC），不把 session_key 交给客户端。需用微信登录的会话。</remarks>
    public static async Task<Ok<WeChatOpenDataResponse>> Check(
        WeChatOpenDataRequest body, CurrentAccount me, PersonalDataProtector protector,
        IOptions<WeChatOptions> options, CancellationToken ct)
    {
        var (hasRaw, hasEncrypted) = (body.HasRaw, body.HasEncrypted);

        var account = me.Account;
        if (account.WeChatSessionKeyCipher is null) throw new ApiException(SessionKeyMissing);
        var sessionKey = protector.Decrypt(account.WeChatSessionKeyCipher);

        if (hasRaw && !WeChatCrypto.VerifyRawData(body.RawData!, sessionKey, body.Signature!)) throw new ApiException(SignatureInvalid);
        JsonElement? data = null;
        if (hasEncrypted)
        {
            try
            {
                var root = JsonDocument.Parse(WeChatCrypto.DecryptData(body.EncryptedData!, sessionKey, body.Iv!)).RootElement;
                // The watermark binds the data to our app; data decrypted for another app id is refused.
                if (root.GetProperty("watermark").GetProperty("appid").GetString() != options.Value.AppId) throw new ApiException(DecryptFailed);
                data = root.Clone();
            }
            catch (Exception e) when (e is CryptographicException or FormatException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
            {
                throw new ApiException(DecryptFailed);
            }
        }
        return TypedResults.Ok(new WeChatOpenDataResponse(true, data));
    }
}
