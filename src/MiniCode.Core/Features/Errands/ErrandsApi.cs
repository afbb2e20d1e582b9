using System.Security.Claims;
using MiniCode.Data;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.Organisations;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Errands;

/// <summary>
/// 授权办事: the matters (<c>/api/errand-matters</c>, public) and the caller's authorisations under <c>/api/me/errands</c>:
/// <c>granted</c> (授权记录, what I granted; revoke) and <c>received</c> (被授权记录, granted to me; accept, decline, code).
/// A record of another person answers 404.
/// </summary>
public static class ErrandsApi
{
    public static IEndpointRouteBuilder MapErrandsApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/errand-matters").AllowAnonymous().RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Errands")
            .MapGet("", Matters);

        var me = app.MapApiGroup("/api/me/errands").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Errands")
            .ProducesErrors(SessionErrors.Challenge, SessionErrors.RealNameRequired);
        var notFound = ErrandsErrors.NotFound;
        me.MapPost("", Grant).ProducesErrors(CommonErrors.ValidationFailed, ErrandsErrors.Self, ErrandsErrors.LimitReached, ErrandsErrors.AlreadyGranted);
        me.MapGet("/granted", Granted);
        me.MapGet("/granted/{id:long}", GrantedOne).ProducesErrors(notFound);
        me.MapPost("/granted/{id:long}/revoke", Revoke).ProducesErrors(notFound, ErrandsErrors.RevokeNotAllowed);
        me.MapGet("/received", Received);
        me.MapGet("/received/{id:long}", ReceivedOne).ProducesErrors(notFound);
        me.MapPost("/received/{id:long}/accept", Accept).ProducesErrors(notFound, ErrandsErrors.NotPending);
        me.MapPost("/received/{id:long}/decline", Decline).ProducesErrors(notFound, ErrandsErrors.NotPending);
        var code = new[] { notFound, ErrandsErrors.CodeUnavailable, HealthCodeErrors.FaceCheckRequired };
        me.MapGet("/received/{id:long}/code", Code).ProducesErrors(code);
        me.MapGet("/received/{id:long}/code.png", CodePng).ProducesErrors(code);
        me.MapGet("/received/{id:long}/code.svg", CodeSvg).ProducesErrors(code);
        return app;
    }

    /// <summary>Enabled matters in display order; with <c>region</c>, those of that region and the regions above it.</summary>
    private static async Task<Ok<IReadOnlyList<ErrandMatterView>>> Matters([AsParameters] OptionalRegionQuery query, MiniCodeDbContext db, CancellationToken ct)
    {
        var matters = await db.Set<ErrandMatter>().AsNoTracking().Where(m => m.Enabled).OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(ct);
        IReadOnlyList<ErrandMatterView> list = matters.Where(m => query.Region is null || RegionCodes.Covers(m.RegionCode, query.Region))
            .Select(m => new ErrandMatterView(m.Id, m.Name, m.Description, m.RegionCode)).ToList();
        return TypedResults.Ok(list);
    }

    private static async Task<Created<AuthorisationView>> Grant(CreateAuthorisationRequest body, ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct)
    {
        var view = await errands.GrantAsync(user.AccountId(), user.PersonIdOrThrow(), body, ct);
        return TypedResults.Created($"/api/me/errands/granted/{view.Id}", view);
    }

    private static async Task<Ok<IReadOnlyList<AuthorisationView>>> Granted(ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.GrantedAsync(user.PersonIdOrThrow(), ct));

    private static async Task<Ok<AuthorisationView>> GrantedOne(long id, ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.GrantedAsync(user.PersonIdOrThrow(), id, ct));

    private static async Task<Ok<AuthorisationView>> Revoke(long id, ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.RevokeAsync(user.PersonIdOrThrow(), id, ct));

    private static async Task<Ok<IReadOnlyList<AuthorisationView>>> Received(ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.ReceivedAsync(user.PersonIdOrThrow(), ct));

    private static async Task<Ok<AuthorisationView>> ReceivedOne(long id, ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.ReceivedAsync(user.PersonIdOrThrow(), id, ct));

    private static async Task<Ok<AuthorisationView>> Accept(long id, ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.AnswerAsync(user.PersonIdOrThrow(), id, accept: true, ct));

    private static async Task<Ok<AuthorisationView>> Decline(long id, ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.AnswerAsync(user.PersonIdOrThrow(), id, accept: false, ct));

    private static async Task<Ok<AuthorisationCodeView>> Code(long id, ClaimsPrincipal user, AuthorisationCodes codes, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await codes.ShowAsync(user.PersonIdOrThrow(), id, ct));
    }

    private static async Task<FileContentHttpResult> CodePng(long id, ClaimsPrincipal user, AuthorisationCodes codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.PersonIdOrThrow(), id, ct);
        SetCodeHeaders(http, code);
        return TypedResults.File(codes.Png(code), "image/png");
    }

    private static async Task<FileContentHttpResult> CodeSvg(long id, ClaimsPrincipal user, AuthorisationCodes codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.PersonIdOrThrow(), id, ct);
        SetCodeHeaders(http, code);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(codes.Svg(code)), "image/svg+xml");
    }

    /// <summary>The image's expiry travels in a header so a client can refresh it in time.</summary>
    private static void SetCodeHeaders(HttpContext http, AuthorisationCodeView code)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Code-Expires"] = code.ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
    }
}
