using System.Security.Cryptography;
using System.Text;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.TencentCloud;
using MiniCode.Platform.WeChat;

namespace MiniCode.Features.Identity.Face;

/// <summary>What the three providers share: resident ID cards only, and platform trouble is a 503 with Retry-After.</summary>
internal static class FaceProviderRules
{
    public static void RequireResidentId(FaceSubject subject)
    {
        if (subject.DocumentType != DocumentType.ResidentId) throw new ApiException(IdentityErrors.FaceDocumentUnsupported);
    }

    public static ApiException Unavailable(IdentityOptions o) => new(IdentityErrors.FaceUnavailable) { RetryAfterSeconds = o.Face.RetryAfterSeconds };

    /// <summary>Runs a platform call; its trouble (5xx, timeouts) becomes the face service's 503.</summary>
    public static async Task<T> OrUnavailable<T>(Func<Task<T>> call, IdentityOptions o)
    {
        try { return await call(); }
        catch (ApiException e) when (e.Error.Status >= 500) { throw Unavailable(o); }
    }

    public static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>
/// WeChat 人脸核身: <c>getuseridkey</c> at start; the mini program's <c>verify_result</c> is accepted only with errcode 0,
/// identify_ret 0, the caller's openid, the submitted document's MD5s and a recent <c>finish_time</c>.
/// </summary>
public sealed class WeChatFaceVerifier(IWeChatFaceClient wechat, IOptions<IdentityOptions> options, TimeProvider time) : IFaceVerifier
{
    public const string Provider = "wechat";

    public async Task<FaceStart> StartAsync(FaceCaller caller, FaceSubject subject, string outerOrderNo, CancellationToken ct = default)
    {
        FaceProviderRules.RequireResidentId(subject);
        var key = await FaceProviderRules.OrUnavailable(() => wechat.GetUserIdKeyAsync(subject.Name, subject.DocumentNumber, ct), options.Value);
        return new FaceStart(Provider, UserIdKey: key);
    }

    public async Task<FaceResult> CheckAsync(FaceCaller caller, FaceSubject subject, string reference, CancellationToken ct = default)
    {
        if (subject.DocumentType != DocumentType.ResidentId) return new(FaceVerdict.DocumentUnsupported, Provider);
        WeChatFaceInfo info;
        try { info = await wechat.GetFaceInfoAsync(reference, ct); }
        catch (ApiException e) when (e.Error.Status >= 500) { return new(FaceVerdict.Unavailable, Provider); }
        if (info.Errcode is -1 or 45011) return new(FaceVerdict.Unavailable, Provider);
        var match = info.Errcode == 0 && info.IdentifyRet == 0 && caller.WeChatOpenId is { } openId && info.OpenId == openId
            && string.Equals(info.IdCardNumberMd5, FaceProviderRules.Md5Hex(subject.DocumentNumber), StringComparison.OrdinalIgnoreCase)
            && string.Equals(info.NameUtf8Md5, FaceProviderRules.Md5Hex(subject.Name), StringComparison.OrdinalIgnoreCase);
        if (!match) return new(FaceVerdict.Mismatch, Provider);
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(info.FinishTime);
        return new(age > options.Value.Face.MaxResultAge ? FaceVerdict.Expired : FaceVerdict.Match, Provider);
    }
}

/// <summary>支付宝身份验证: initialize (certify_id) and the certify page URL at start; the query must say passed "T".</summary>
public sealed class AlipayFaceVerifier(IAlipayCertifyClient alipay, IOptions<IdentityOptions> options) : IFaceVerifier
{
    public const string Provider = "alipay";

    public async Task<FaceStart> StartAsync(FaceCaller caller, FaceSubject subject, string outerOrderNo, CancellationToken ct = default)
    {
        FaceProviderRules.RequireResidentId(subject);
        var certifyId = await FaceProviderRules.OrUnavailable(() => alipay.InitializeCertifyAsync(
            outerOrderNo, subject.Name, subject.DocumentNumber, options.Value.Face.Alipay.ReturnUrl, ct), options.Value);
        return new FaceStart(Provider, Reference: certifyId, Url: alipay.CertifyUrl(certifyId));
    }

    public async Task<FaceResult> CheckAsync(FaceCaller caller, FaceSubject subject, string reference, CancellationToken ct = default)
    {
        if (subject.DocumentType != DocumentType.ResidentId) return new(FaceVerdict.DocumentUnsupported, Provider);
        try
        {
            return new(await alipay.QueryCertifyPassedAsync(reference, ct) ? FaceVerdict.Match : FaceVerdict.Mismatch, Provider, StartedHere: true);
        }
        catch (ApiException e) when (e.Error == AlipayErrors.Failed && e.Detail?.StartsWith("40004", StringComparison.Ordinal) == true)
        {
            return new(FaceVerdict.Mismatch, Provider, StartedHere: true); // business refusal: an unknown or foreign certify_id
        }
        catch (ApiException e) when (e.Error.Status >= 500) { return new(FaceVerdict.Unavailable, Provider, StartedHere: true); }
    }
}

/// <summary>Tencent Cloud FaceID: DetectAuth (BizToken + URL) at start; GetDetectInfoEnhanced must say ErrCode 0 with the same name and ID.</summary>
public sealed class TencentFaceVerifier(TencentFaceIdClient faceId, IOptions<IdentityOptions> options) : IFaceVerifier
{
    public const string Provider = "tencent";

    public async Task<FaceStart> StartAsync(FaceCaller caller, FaceSubject subject, string outerOrderNo, CancellationToken ct = default)
    {
        FaceProviderRules.RequireResidentId(subject);
        var (detection, error) = await faceId.DetectAuthAsync(subject.Name, subject.DocumentNumber, ct);
        if (detection is null) throw new ApiException(IdentityErrors.FaceUnavailable, error) { RetryAfterSeconds = options.Value.Face.RetryAfterSeconds };
        return new FaceStart(Provider, Reference: detection.BizToken, Url: detection.Url);
    }

    public async Task<FaceResult> CheckAsync(FaceCaller caller, FaceSubject subject, string reference, CancellationToken ct = default)
    {
        if (subject.DocumentType != DocumentType.ResidentId) return new(FaceVerdict.DocumentUnsupported, Provider);
        (FaceIdResult? Result, string? Error) answer;
        try { answer = await faceId.GetDetectInfoAsync(reference, ct); }
        catch (ApiException e) when (e.Error.Status >= 500) { return new(FaceVerdict.Unavailable, Provider, StartedHere: true); }
        if (answer.Error is { } error)
            return new(TencentFaceIdClient.IsTrouble(error) ? FaceVerdict.Unavailable
                : error.Contains("Expired", StringComparison.Ordinal) ? FaceVerdict.Expired : FaceVerdict.Mismatch, Provider, StartedHere: true);
        var r = answer.Result!;
        var match = r.ErrCode == 0 && r.Name == subject.Name && string.Equals(r.IdCard, subject.DocumentNumber, StringComparison.OrdinalIgnoreCase);
        return new(match ? FaceVerdict.Match : FaceVerdict.Mismatch, Provider, StartedHere: true);
    }
}
