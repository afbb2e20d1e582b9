using System.Security.Claims;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Households.Portraits;

/// <summary>Switches between the code alone (<c>photo: false</c>) and the code with the portrait photo.</summary>
public sealed record PortraitDisplayRequest(bool? Photo);

/// <summary>
/// 人像照片: the own photo under <c>/api/me/portrait</c>, a relative's under <c>/api/me/relatives/{id}/portrait</c>
/// (holder only), and <c>/api/portraits/{reference}</c> for a verifier holding a fresh reference from a valid code.
/// Never reachable by name or ID number.
/// </summary>
public static class PortraitsApi
{
    public static void MapPortraitsApi(this IEndpointRouteBuilder app, RouteGroupBuilder relatives)
    {
        var me = app.MapGroup("/api/me/portrait").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Households");
        me.MapGet("/", Status);
        me.MapPost("/", Upload).DisableAntiforgery();
        me.MapPost("/authority", Fetch);
        me.MapPut("/display", Display);
        me.MapGet("/image", Image);
        me.MapDelete("/", Delete);

        relatives.MapGet("/{id:long}/portrait", RelativeStatus);
        relatives.MapPost("/{id:long}/portrait", RelativeUpload).DisableAntiforgery();
        relatives.MapPost("/{id:long}/portrait/authority", RelativeFetch);
        relatives.MapPut("/{id:long}/portrait/display", RelativeDisplay);
        relatives.MapGet("/{id:long}/portrait/image", RelativeImage);
        relatives.MapDelete("/{id:long}/portrait", RelativeDelete);

        app.MapGroup("/api/portraits").RequireAuthorization(HealthCodesSetup.VerifierPolicy)
            .RequireRateLimiting(HealthCodesSetup.VerifyRateLimit).WithTags("Households")
            .MapGet("/{reference}", VerifierImage);
    }

    private static async Task<Ok<PortraitStatus>> Status(ClaimsPrincipal user, PortraitService portraits, CancellationToken ct) =>
        TypedResults.Ok(await portraits.StatusAsync(user.PersonIdOrThrow(), ct));

    private static async Task<Results<Ok<PortraitStatus>, ValidationProblem>> Upload(IFormFile? file, ClaimsPrincipal user, PortraitService portraits, CancellationToken ct) =>
        await UploadCoreAsync(user.PersonIdOrThrow(), file, portraits, ct);

    private static async Task<Ok<PortraitStatus>> Fetch(ClaimsPrincipal user, PortraitService portraits, CancellationToken ct) =>
        TypedResults.Ok(await portraits.FetchAuthoritativeAsync(user.PersonIdOrThrow(), ct));

    private static async Task<Results<Ok<PortraitStatus>, ValidationProblem>> Display(PortraitDisplayRequest body, ClaimsPrincipal user, PortraitService portraits, CancellationToken ct) =>
        body.Photo is { } photo ? TypedResults.Ok(await portraits.SetDisplayAsync(user.PersonIdOrThrow(), photo, ct)) : Problems.Validation("photo", "请选择是否展示人像照片");

    private static async Task<FileContentHttpResult> Image(ClaimsPrincipal user, PortraitService portraits, HttpContext http, CancellationToken ct) =>
        await ImageCoreAsync(user.PersonIdOrThrow(), null, portraits, http, ct);

    private static async Task<NoContent> Delete(ClaimsPrincipal user, PortraitService portraits, CancellationToken ct)
    {
        await portraits.DeleteAsync(user.PersonIdOrThrow(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PortraitStatus>> RelativeStatus(long id, ClaimsPrincipal user, HouseholdAccess access, PortraitService portraits, CancellationToken ct) =>
        TypedResults.Ok(await portraits.StatusAsync(await access.RelativePersonAsync(user.AccountId(), id, ct), ct));

    private static async Task<Results<Ok<PortraitStatus>, ValidationProblem>> RelativeUpload(long id, IFormFile? file, ClaimsPrincipal user, HouseholdAccess access,
        PortraitService portraits, CancellationToken ct) =>
        await UploadCoreAsync(await access.RelativePersonAsync(user.AccountId(), id, ct), file, portraits, ct);

    private static async Task<Ok<PortraitStatus>> RelativeFetch(long id, ClaimsPrincipal user, HouseholdAccess access, PortraitService portraits, CancellationToken ct) =>
        TypedResults.Ok(await portraits.FetchAuthoritativeAsync(await access.RelativePersonAsync(user.AccountId(), id, ct), ct));

    private static async Task<Results<Ok<PortraitStatus>, ValidationProblem>> RelativeDisplay(long id, PortraitDisplayRequest body, ClaimsPrincipal user,
        HouseholdAccess access, PortraitService portraits, CancellationToken ct)
    {
        var personId = await access.RelativePersonAsync(user.AccountId(), id, ct);
        return body.Photo is { } photo ? TypedResults.Ok(await portraits.SetDisplayAsync(personId, photo, ct)) : Problems.Validation("photo", "请选择是否展示人像照片");
    }

    private static async Task<FileContentHttpResult> RelativeImage(long id, ClaimsPrincipal user, HouseholdAccess access, PortraitService portraits,
        HttpContext http, CancellationToken ct) =>
        await ImageCoreAsync(await access.RelativePersonAsync(user.AccountId(), id, ct), null, portraits, http, ct);

    private static async Task<NoContent> RelativeDelete(long id, ClaimsPrincipal user, HouseholdAccess access, PortraitService portraits, CancellationToken ct)
    {
        await portraits.DeleteAsync(await access.RelativePersonAsync(user.AccountId(), id, ct), ct);
        return TypedResults.NoContent();
    }

    private static async Task<FileContentHttpResult> VerifierImage(string reference, PortraitReferences references, PortraitService portraits,
        HttpContext http, CancellationToken ct)
    {
        if (!references.TryRead(reference, out var personId, out var version)) throw new ApiException(HouseholdsErrors.PortraitReferenceInvalid);
        return await ImageCoreAsync(personId, version, portraits, http, ct);
    }

    private static async Task<Results<Ok<PortraitStatus>, ValidationProblem>> UploadCoreAsync(long personId, IFormFile? file, PortraitService portraits, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Problems.Validation("file", "请选择要上传的照片（JPEG或PNG）");
        // Form files are buffered by the server, so their length is known before the content is read.
        if (file.Length > portraits.MaxBytes) throw portraits.TooLarge();
        await using var stream = file.OpenReadStream();
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return TypedResults.Ok(await portraits.UploadAsync(personId, buffer.ToArray(), ct));
    }

    private static async Task<FileContentHttpResult> ImageCoreAsync(long personId, int? version, PortraitService portraits, HttpContext http, CancellationToken ct)
    {
        var (image, contentType) = await portraits.ImageAsync(personId, version, ct);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(image, contentType);
    }
}
