using System.Globalization;
using System.Security.Claims;
using MiniCode.Features.Rendering;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Licences;

/// <summary>电子证照: the types on offer (<c>/api/licence-types</c>) and the caller's bound licences (<c>/api/me/licences</c>).</summary>
public static class LicencesApi
{
    public static IEndpointRouteBuilder MapLicencesApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/licence-types").AllowAnonymous().RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Licences")
            .MapGet("", Types);

        var me = app.MapApiGroup("/api/me/licences").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Licences")
            .ProducesErrors(SessionErrors.Challenge, SessionErrors.RealNameRequired);
        var notFound = LicencesErrors.NotFound;
        me.MapGet("", List);
        me.MapPost("", Bind).ProducesErrors(LicencesErrors.Bind);
        me.MapPut("/order", Reorder).ProducesErrors(LicencesErrors.OrderMismatch);
        me.MapGet("/{id:long}", Get).ProducesErrors(notFound);
        me.MapDelete("/{id:long}", Unbind).ProducesErrors(notFound);
        me.MapGet("/{id:long}/code", Code).ProducesErrors(notFound, LicencesErrors.Expired);
        me.MapGet("/{id:long}/code.png", CodePng).ProducesErrors(notFound, LicencesErrors.Expired);
        me.MapGet("/{id:long}/code.svg", CodeSvg).ProducesErrors(notFound, LicencesErrors.Expired);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<LicenceTypeView>>> Types(LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.TypesAsync(ct));

    private static async Task<Ok<IReadOnlyList<LicenceView>>> List(ClaimsPrincipal user, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.ListAsync(user.PersonIdOrThrow(), ct));

    private static async Task<Ok<BindLicenceResult>> Bind(BindLicenceRequest body, ClaimsPrincipal user, LicenceBinder binder, CancellationToken ct) =>
        TypedResults.Ok(await binder.AuthoriseAsync(user.PersonIdOrThrow(), body, ct));

    private static async Task<Ok<IReadOnlyList<LicenceView>>> Reorder(LicenceOrderRequest body, ClaimsPrincipal user, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.ReorderAsync(user.PersonIdOrThrow(), body.Ids!, ct));

    private static async Task<Ok<LicenceView>> Get(long id, ClaimsPrincipal user, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.GetAsync(user.PersonIdOrThrow(), id, ct));

    private static async Task<NoContent> Unbind(long id, ClaimsPrincipal user, LicenceService licences, CancellationToken ct)
    {
        await licences.UnbindAsync(user.PersonIdOrThrow(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<LicenceCodeView>> Code(long id, ClaimsPrincipal user, LicenceService licences, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await licences.CodeAsync(user.PersonIdOrThrow(), id, ct));
    }

    private static async Task<FileContentHttpResult> CodePng(long id, ClaimsPrincipal user, LicenceService licences, IQrCodeRenderer qr,
        IOptions<LicenceOptions> options, HttpContext http, CancellationToken ct)
    {
        var code = await ShownAsync(id, user, licences, http, ct);
        return TypedResults.File(qr.Png(code.Payload, new QrStyle(options.Value.PngPixelsPerModule)), "image/png");
    }

    private static async Task<FileContentHttpResult> CodeSvg(long id, ClaimsPrincipal user, LicenceService licences, IQrCodeRenderer qr,
        IOptions<LicenceOptions> options, HttpContext http, CancellationToken ct)
    {
        var code = await ShownAsync(id, user, licences, http, ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(qr.Svg(code.Payload, new QrStyle(options.Value.PngPixelsPerModule))), "image/svg+xml");
    }

    /// <summary>As for the health code's images: the payload and expiry travel in headers next to the image.</summary>
    private static async Task<LicenceCodeView> ShownAsync(long id, ClaimsPrincipal user, LicenceService licences, HttpContext http, CancellationToken ct)
    {
        var code = await licences.CodeAsync(user.PersonIdOrThrow(), id, ct);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Code-Payload"] = code.Payload;
        http.Response.Headers["X-Code-Expires"] = code.ExpiresAt.ToString("O", CultureInfo.InvariantCulture);
        return code;
    }
}
