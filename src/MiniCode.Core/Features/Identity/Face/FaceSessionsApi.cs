using System.Text.Json.Serialization;
using MiniCode.Data;
using MiniCode.Features.Households;
using MiniCode.Features.Identity.Consents;
using MiniCode.Features.People;
using MiniCode.Features.Posters;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Identity.Face;

/// <summary>
/// Starts a face verification. <c>purpose</c>: <c>real_name</c> (<c>name</c> + <c>idNumber</c> being claimed),
/// <c>relative</c> (the relative's <c>name</c> + <c>idNumber</c>, or <c>relativeId</c> of one already added),
/// <c>face_check</c> (oneself, before showing a code) or <c>portrait</c> (oneself, or <c>relativeId</c>).
/// </summary>
public sealed record FaceSessionRequest(string? Purpose, string? Name, string? IdNumber, long? RelativeId) : IValidatable
{
    [JsonIgnore] // derived for the service, not part of the request
    public bool NeedsDocument => Purpose == FacePurposes.RealName || (Purpose == FacePurposes.Relative && RelativeId is null);

    public void Validate(InputValidator v, IServiceProvider services)
    {
        v.Check(Purpose is not null && FacePurposes.All.Contains(Purpose), "purpose", "用途须为 real_name、relative、face_check 或 portrait");
        if (NeedsDocument)
        {
            RealNameService.ValidateName(Name, v);
            services.GetRequiredService<RealNameService>().ParseResidentId(IdNumber, v);
        }
        v.Check(RelativeId is null || Purpose is FacePurposes.Relative or FacePurposes.Portrait, "relativeId", "仅亲友或人像照片核验可指定亲友");
    }
}

/// <summary>
/// What the mini program runs the face step with, by <c>provider</c>: <c>wechat</c> → <c>userIdKey</c> for
/// <c>wx.startFacialRecognitionVerify</c> (then send its <c>verifyResult</c>); <c>alipay</c> → <c>certifyUrl</c> for
/// <c>my.startAPVerify</c> (then send <c>certifyId</c>); <c>tencent</c> → <c>bizToken</c> + <c>url</c> for the FaceID
/// SDK (then send <c>bizToken</c>); <c>simulator</c> → nothing (send <c>sim:pass</c>). What is sent goes in the
/// <c>faceToken</c> (or <c>verificationToken</c>) of the request that needs the face, before <c>expiresAt</c>.
/// </summary>
public sealed record FaceSessionResponse(string Provider, string Purpose, string? UserIdKey, string? CertifyId, string? CertifyUrl,
    string? BizToken, string? Url, DateTimeOffset ExpiresAt);

public static class FaceSessionsApi
{
    public static IEndpointRouteBuilder MapFaceSessionsApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/me/face").WithTags("Me").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).ProducesErrors(SessionErrors.Challenge)
            .MapPost("/sessions", Start)
            .ProducesErrors(SessionErrors.RealNameRequired, HouseholdsErrors.RelativeNotFound, IdentityErrors.FaceUnavailable,
                IdentityErrors.FaceDocumentUnsupported, IdentityErrors.FacePlatformRequired, IdentityErrors.ConsentWithdrawn);
        return app;
    }

    /// <summary>开始人脸核验</summary>
    /// <remarks>按 <c>purpose</c>（real_name、relative、face_check、portrait）开始一次核验，返回小程序需要的参数：微信 userIdKey、支付宝 certifyId 与 certifyUrl，或腾讯云慧眼 bizToken 与 url。服务商异常为 503（<c>Retry-After</c>）。</remarks>
    internal static async Task<Ok<FaceSessionResponse>> Start(FaceSessionRequest body, CurrentAccount me, FaceVerificationService faces,
        RealNameService realNames, IRelativeAccess relatives, ConsentService consents, MiniCodeDbContext db, PersonalDataProtector protector,
        IOptions<IdentityOptions> options, TimeProvider time, CancellationToken ct)
    {
        var account = me.Account;
        // One's own face (not a relative's, whose agreement the relative gives): the person's consent to face verification.
        if (body.Purpose != FacePurposes.Relative && body.RelativeId is null)
            await consents.RequireAsync(account.Id, ConsentPurposes.FaceVerification, ct);
        if (body.Purpose == FacePurposes.RealName) await consents.RequireAsync(account.Id, ConsentPurposes.RealName, ct);
        FaceSubject subject;
        if (body.NeedsDocument)
            subject = new FaceSubject(body.Name!.Trim(), DocumentType.ResidentId, realNames.ResidentIdOf(body.IdNumber).Number);
        else
        {
            var personId = body.RelativeId is { } relativeId
                ? (account.PersonId is { } holderPersonId ? await relatives.RelativePersonIdAsync(holderPersonId, relativeId, ct) : null) ?? throw new ApiException(HouseholdsErrors.RelativeNotFound)
                : account.PersonId ?? throw new ApiException(SessionErrors.RealNameRequired);
            subject = await FaceCheckService.SubjectAsync(db, protector, personId, ct);
        }
        var start = await faces.StartAsync(account.Id, body.Purpose!, subject, ct);
        await db.SaveChangesAsync(ct);
        var expiresAt = time.GetUtcNow() + options.Value.Face.MaxResultAge;
        return TypedResults.Ok(start.Provider switch
        {
            AlipayFaceVerifier.Provider => new FaceSessionResponse(start.Provider, body.Purpose!, null, start.Reference, start.Url, null, null, expiresAt),
            TencentFaceVerifier.Provider => new FaceSessionResponse(start.Provider, body.Purpose!, null, null, null, start.Reference, start.Url, expiresAt),
            _ => new FaceSessionResponse(start.Provider, body.Purpose!, start.UserIdKey, null, null, null, null, expiresAt),
        });
    }
}
