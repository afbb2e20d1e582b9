using MiniCode.Features.People;

namespace MiniCode.Features.Identity.Face;

public enum FaceVerdict { Match, Mismatch, Expired, Unavailable, DocumentUnsupported }

/// <summary>Whose face is claimed: the name and document being verified.</summary>
public sealed record FaceSubject(string Name, DocumentType DocumentType, string DocumentNumber);

/// <summary>
/// The account asking, with its platform identities (WeChat compares the result's openid with the caller's) and the
/// method of the session it asks with (<c>wechat</c>, <c>alipay</c>, <c>sms</c>…): the mini program it is in.
/// </summary>
public sealed record FaceCaller(long AccountId, string? WeChatOpenId, string? AlipayUserId, string? LoginMethod = null);

/// <summary>
/// What the mini program needs to run the face step. <see cref="Reference"/> is the result reference the provider
/// minted at start (Alipay certify_id, FaceID BizToken), which the mini program later sends back as <c>faceToken</c>.
/// </summary>
public sealed record FaceStart(string Provider, string? Reference = null, string? UserIdKey = null, string? Url = null);

/// <summary>
/// <see cref="StartedHere"/>: the reference was minted by <see cref="IFaceVerifier.StartAsync"/> (so it must belong to
/// a session of this caller and document); otherwise it came from the client (WeChat verify_result). Simulator results
/// are not bookkept.
/// </summary>
public sealed record FaceResult(FaceVerdict Verdict, string Provider, bool StartedHere = false)
{
    public const string Simulator = "simulator";
}

/// <summary>
/// Liveness + face comparison against the document holder by a certified provider (the platform's real-person
/// authentication or Tencent FaceID). Single use, binding and age of results are enforced by <see cref="FaceVerificationService"/>.
/// </summary>
public interface IFaceVerifier
{
    Task<FaceStart> StartAsync(FaceCaller caller, FaceSubject subject, string outerOrderNo, CancellationToken ct = default);
    Task<FaceResult> CheckAsync(FaceCaller caller, FaceSubject subject, string reference, CancellationToken ct = default);
}
