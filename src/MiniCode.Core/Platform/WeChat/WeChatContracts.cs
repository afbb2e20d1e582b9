namespace MiniCode.Platform.WeChat;

/// <summary>Result of <c>jscode2session</c>. The session key never leaves the server.</summary>
public sealed record WeChatSession(string OpenId, string SessionKey, string? UnionId);

/// <summary><c>phone_info</c> of <c>getuserphonenumber</c>.</summary>
public sealed record WeChatPhone(string PhoneNumber, string PurePhoneNumber, string CountryCode);

/// <summary>Request of <c>getwxacodeunlimit</c>: scene ≤ 32 characters, width 280–1280.</summary>
public sealed record WxaCodeRequest(string Scene, string? Page = null, int Width = 430, string EnvVersion = "release", bool CheckPath = false);

/// <summary>Request of <c>subscribe/send</c>: data maps template keys to values.</summary>
public sealed record SubscribeMessage(string ToUserOpenId, string TemplateId, IReadOnlyDictionary<string, string> Data,
    string? Page = null, string MiniProgramState = "formal", string Lang = "zh_CN");

public interface IWeChatLoginClient
{
    Task<WeChatSession> CodeToSessionAsync(string code, CancellationToken ct = default);
    Task<WeChatPhone> GetUserPhoneNumberAsync(string code, CancellationToken ct = default);
}

/// <summary>Unlimited mini-program codes (小程序码) for posters and venues; returns the image bytes.</summary>
public interface IWeChatMiniProgramCodeClient
{
    Task<byte[]> GetUnlimitedCodeAsync(WxaCodeRequest request, CancellationToken ct = default);
}

/// <summary>One-off subscribe messages (订阅消息), e.g. a colour change notice.</summary>
public interface IWeChatSubscribeMessageClient
{
    Task SendAsync(SubscribeMessage message, CancellationToken ct = default);
}

/// <summary>The answer of <c>cityservice/face/identify/getinfo</c> (人脸核身结果); <c>finish_time</c> in Unix seconds.</summary>
public sealed record WeChatFaceInfo(int Errcode, int IdentifyRet, string? OpenId, string? IdCardNumberMd5, string? NameUtf8Md5, long FinishTime);

/// <summary>
/// WeChat 人脸核身 of the mini program (<c>wx.startFacialRecognitionVerify</c>): <c>getuseridkey</c> before the face step,
/// <c>getinfo</c> with the <c>verify_result</c> the mini program got.
/// </summary>
public interface IWeChatFaceClient
{
    Task<string> GetUserIdKeyAsync(string name, string idCardNumber, CancellationToken ct = default);
    Task<WeChatFaceInfo> GetFaceInfoAsync(string verifyResult, CancellationToken ct = default);
}
