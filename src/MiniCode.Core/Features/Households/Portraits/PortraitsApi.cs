using System.Security.Claims;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.Identity;
using MiniCode.Features.Identity.Consents;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;
using static MiniCode.Features.Households.HouseholdsErrors;

namespace MiniCode.Features.Households.Portraits;

/// <summary>Switches between the code alone (<c>photo: false</c>) and the code with the portrait photo.</summary>
public sealed record PortraitDisplayRequest(bool? Photo) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v.Check(Photo is not null, "photo", "请选择是否展示人像照片");
}

/// <summary>
/// 人像照片: the own photo under <c>/api/me/portrait</c>, a relative's under <c>/api/me/relatives/{id}/portrait</c>
/// (holder only), and <c>/api/portraits/{reference}</c> for a verifier holding a fresh reference from a valid code.
/// Never reachable by name or ID number.
/// </summary>
public static class PortraitsApi
{
    private static readonly ErrorCode[] UploadErrors = [.. PortraitCapture, CommonErrors.ValidationFailed, PortraitInvalid, PortraitTooLarge];
    private static readonly ErrorCode[] FetchErrors = [.. PortraitCapture, PortraitSourceUnavailable, PortraitSourceNotFound, PortraitInvalid, PortraitTooLarge];
    private static readonly ErrorCode[] DisplayErrors = [PortraitNotFound, PortraitUploadRequired];

    public static void MapPortraitsApi(this IEndpointRouteBuilder app, RouteGroupBuilder relatives)
    {
        var me = app.MapApiGroup("/api/me/portrait").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Households")
            .ProducesErrors(SessionErrors.Challenge, SessionErrors.RealNameRequired);
        me.MapGet("/", Status);
        me.MapPost("/", Upload).DisableAntiforgery().ProducesErrors(UploadErrors).ProducesErrors(IdentityErrors.ConsentWithdrawn);
        me.MapPost("/authority", Fetch).ProducesErrors(FetchErrors).ProducesErrors(IdentityErrors.ConsentWithdrawn);
        me.MapPut("/display", Display).ProducesErrors(DisplayErrors).ProducesErrors(IdentityErrors.ConsentWithdrawn);
        me.MapGet("/image", Image).ProducesErrors(PortraitNotFound);
        me.MapDelete("/", Delete).ProducesErrors(PortraitNotFound);

        // The relatives group already declares the session errors.
        relatives.MapGet("/{id:long}/portrait", RelativeStatus).ProducesErrors(RelativeNotFound, HouseholdsErrors.ProofRequired);
        relatives.MapPost("/{id:long}/portrait", RelativeUpload).DisableAntiforgery().ProducesErrors(UploadErrors, RelativeNotFound, HouseholdsErrors.ProofRequired);
        relatives.MapPost("/{id:long}/portrait/authority", RelativeFetch).ProducesErrors(FetchErrors, RelativeNotFound, HouseholdsErrors.ProofRequired);
        relatives.MapPut("/{id:long}/portrait/display", RelativeDisplay).ProducesErrors(DisplayErrors, RelativeNotFound, HouseholdsErrors.ProofRequired);
        relatives.MapGet("/{id:long}/portrait/image", RelativeImage).ProducesErrors(PortraitNotFound, RelativeNotFound, HouseholdsErrors.ProofRequired);
        relatives.MapDelete("/{id:long}/portrait", RelativeDelete).ProducesErrors(PortraitNotFound, RelativeNotFound, HouseholdsErrors.ProofRequired);

        app.MapApiGroup("/api/portraits").RequireAuthorization(HealthCodesSetup.VerifierPolicy)
            .RequireRateLimiting(HealthCodesSetup.VerifyRateLimit).WithTags("Households")
            .MapGet("/{reference}", VerifierImage)
            .ProducesErrors(SessionErrors.Challenge, HealthCodeErrors.ApiKeyInvalid, PortraitReferenceInvalid, PortraitNotFound);
    }

    /// <summary>我的人像状态</summary>
    /// <remarks>是否已有人像、是否在核验时显示、今日剩余上传次数（<c>MiniCode:Households:Portraits:AttemptsPerDay</c>）、下次可更换时间（<c>MiniCode:Households:Portraits:ChangeIntervalDays</c> 天）及是否需要上传。</remarks>
    internal static async Task<Ok<PortraitStatus>> Status(ClaimsPrincipal user, PortraitService portraits, CancellationToken ct) =>
        TypedResults.Ok(await portraits.StatusAsync(user.PersonIdOrThrow(), ct));

    /// <summary>上传人像</summary>
    /// <remarks>multipart 字段 <c>file</c>，JPEG/PNG，至多 <c>MiniCode:Households:Portraits:MaxBytes</c> 字节，边长 <c>MiniCode:Households:Portraits:MinDimension</c>–<c>MiniCode:Households:Portraits:MaxDimension</c> 像素；加密存储。</remarks>
    internal static async Task<Ok<PortraitStatus>> Upload(IFormFile? file, ClaimsPrincipal user, PortraitService portraits, ConsentService consents,
        CancellationToken ct) =>
        TypedResults.Ok(await UploadCoreAsync(await ConsentedSelfAsync(user, consents, ct), file, portraits, ct));

    /// <summary>从权威来源获取人像</summary>
    /// <remarks>从公安等权威来源取本人证件照代替上传。</remarks>
    internal static async Task<Ok<PortraitStatus>> Fetch(ClaimsPrincipal user, PortraitService portraits, ConsentService consents, CancellationToken ct) =>
        TypedResults.Ok(await portraits.FetchAuthoritativeAsync(await ConsentedSelfAsync(user, consents, ct), ct));

    /// <summary>人像是否在核验时显示</summary>
    /// <remarks><c>photo</c> 为 true 时，核验端在验码结果中得到人像引用。</remarks>
    internal static async Task<Ok<PortraitStatus>> Display(PortraitDisplayRequest body, ClaimsPrincipal user, PortraitService portraits, ConsentService consents,
        CancellationToken ct) =>
        TypedResults.Ok(await portraits.SetDisplayAsync(body.Photo!.Value ? await ConsentedSelfAsync(user, consents, ct) : user.PersonIdOrThrow(), body.Photo.Value, ct));

    /// <summary>The caller's person, once the portrait consent holds (its first use records it; switching the photo off never needs it).</summary>
    private static async Task<long> ConsentedSelfAsync(ClaimsPrincipal user, ConsentService consents, CancellationToken ct)
    {
        var personId = user.PersonIdOrThrow();
        await consents.RequireAsync(user.AccountId(), ConsentPurposes.Portrait, ct);
        return personId;
    }

    /// <summary>我的人像图片</summary>
    /// <remarks>本人人像图片（需会话令牌）。</remarks>
    internal static async Task<FileContentHttpResult> Image(ClaimsPrincipal user, PortraitService portraits, HttpContext http, CancellationToken ct) =>
        await ImageCoreAsync(user.PersonIdOrThrow(), null, portraits, http, ct);

    /// <summary>删除人像</summary>
    /// <remarks>删除本人人像，核验端不再显示。</remarks>
    internal static async Task<NoContent> Delete(ClaimsPrincipal user, PortraitService portraits, CancellationToken ct)
    {
        await portraits.DeleteAsync(user.PersonIdOrThrow(), ct);
        return TypedResults.NoContent();
    }

    /// <summary>亲友人像状态</summary>
    /// <remarks>同本人，私有亲友为 403。</remarks>
    internal static async Task<Ok<PortraitStatus>> RelativeStatus(long id, ClaimsPrincipal user, HouseholdAccess access, PortraitService portraits, CancellationToken ct) =>
        TypedResults.Ok(await portraits.StatusAsync(await access.SharedRelativePersonAsync(user, id, ct), ct));

    /// <summary>上传亲友人像</summary>
    /// <remarks>同本人上传规则。</remarks>
    internal static async Task<Ok<PortraitStatus>> RelativeUpload(long id, IFormFile? file, ClaimsPrincipal user, HouseholdAccess access,
        PortraitService portraits, CancellationToken ct) =>
        TypedResults.Ok(await UploadCoreAsync(await access.SharedRelativePersonAsync(user, id, ct), file, portraits, ct));

    /// <summary>从权威来源获取亲友人像</summary>
    /// <remarks>同本人。</remarks>
    internal static async Task<Ok<PortraitStatus>> RelativeFetch(long id, ClaimsPrincipal user, HouseholdAccess access, PortraitService portraits, CancellationToken ct) =>
        TypedResults.Ok(await portraits.FetchAuthoritativeAsync(await access.SharedRelativePersonAsync(user, id, ct), ct));

    /// <summary>亲友人像是否在核验时显示</summary>
    /// <remarks>同本人。</remarks>
    internal static async Task<Ok<PortraitStatus>> RelativeDisplay(long id, PortraitDisplayRequest body, ClaimsPrincipal user,
        HouseholdAccess access, PortraitService portraits, CancellationToken ct) =>
        TypedResults.Ok(await portraits.SetDisplayAsync(await access.SharedRelativePersonAsync(user, id, ct), body.Photo!.Value, ct));

    /// <summary>亲友人像图片</summary>
    /// <remarks>同本人。</remarks>
    internal static async Task<FileContentHttpResult> RelativeImage(long id, ClaimsPrincipal user, HouseholdAccess access, PortraitService portraits,
        HttpContext http, CancellationToken ct) =>
        await ImageCoreAsync(await access.SharedRelativePersonAsync(user, id, ct), null, portraits, http, ct);

    /// <summary>删除亲友人像</summary>
    /// <remarks>同本人。</remarks>
    internal static async Task<NoContent> RelativeDelete(long id, ClaimsPrincipal user, HouseholdAccess access, PortraitService portraits, CancellationToken ct)
    {
        await portraits.DeleteAsync(await access.SharedRelativePersonAsync(user, id, ct), ct);
        return TypedResults.NoContent();
    }

    /// <summary>核验端取人像</summary>
    /// <remarks>验码结果中的 <c>portraitReference</c> 在 <c>MiniCode:Households:Portraits:ReferenceSeconds</c> 秒内有效，扫码员会话凭它取一次人像。</remarks>
    internal static async Task<FileContentHttpResult> VerifierImage(string reference, PortraitReferences references, PortraitService portraits,
        HttpContext http, CancellationToken ct)
    {
        if (!references.TryRead(reference, out var personId, out var version)) throw new ApiException(PortraitReferenceInvalid);
        return await ImageCoreAsync(personId, version, portraits, http, ct);
    }

    /// <summary>The file is a form field, not a JSON body, so its presence is checked here (same 400 as the validation filter).</summary>
    private static async Task<PortraitStatus> UploadCoreAsync(long personId, IFormFile? file, PortraitService portraits, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw InputValidator.Failure("file", "请选择要上传的照片（JPEG或PNG）");
        // Form files are buffered by the server, so their length is known before the content is read.
        if (file.Length > portraits.MaxBytes) throw portraits.TooLarge();
        await using var stream = file.OpenReadStream();
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return await portraits.UploadAsync(personId, buffer.ToArray(), ct);
    }

    private static async Task<FileContentHttpResult> ImageCoreAsync(long personId, int? version, PortraitService portraits, HttpContext http, CancellationToken ct)
    {
        var (image, contentType) = await portraits.ImageAsync(personId, version, ct);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(image, contentType);
    }
}
