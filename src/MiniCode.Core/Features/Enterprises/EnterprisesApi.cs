using System.Globalization;
using System.Security.Claims;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Enterprises;

/// <summary>企业码 under <c>/api/me/enterprises</c>: bind (with the registry's proof), list, 企业解绑, the enterprise code as JSON, PNG or SVG.</summary>
public static class EnterprisesApi
{
    public static IEndpointRouteBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/me/enterprises").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Enterprises")
            .ProducesErrors(SessionErrors.Challenge, SessionErrors.RealNameRequired);
        var notFound = EnterprisesErrors.BindingNotFound;
        g.MapGet("", List);
        g.MapPost("", Bind).ProducesErrors(EnterprisesErrors.Bind).ProducesErrors(CommonErrors.ValidationFailed);
        g.MapDelete("/{id:long}", Unbind).ProducesErrors(notFound);
        g.MapGet("/{id:long}/code", Code).ProducesErrors(notFound, EnterprisesErrors.Suspended);
        g.MapGet("/{id:long}/code.png", CodePng).ProducesErrors(notFound, EnterprisesErrors.Suspended);
        g.MapGet("/{id:long}/code.svg", CodeSvg).ProducesErrors(notFound, EnterprisesErrors.Suspended);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<EnterpriseBindingView>>> List(ClaimsPrincipal user, EnterpriseService enterprises, CancellationToken ct) =>
        TypedResults.Ok(await enterprises.ListAsync(user.PersonIdOrThrow(), ct));

    private static async Task<Created<EnterpriseBindingView>> Bind(BindEnterpriseRequest body, ClaimsPrincipal user, EnterpriseService enterprises, CancellationToken ct)
    {
        var view = await enterprises.BindEnterpriseAsync(user.PersonIdOrThrow(), body, ct);
        return TypedResults.Created($"/api/me/enterprises/{view.Id}", view);
    }

    private static async Task<NoContent> Unbind(long id, ClaimsPrincipal user, EnterpriseService enterprises, CancellationToken ct)
    {
        await enterprises.UnbindAsync(user.PersonIdOrThrow(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<EnterpriseCodeView>> Code(long id, ClaimsPrincipal user, EnterpriseCodeService enterprises, CancellationToken ct) =>
        TypedResults.Ok(await enterprises.ShowCodeAsync(user.PersonIdOrThrow(), id, ct));

    private static async Task<FileContentHttpResult> CodePng(long id, ClaimsPrincipal user, EnterpriseCodeService enterprises, HttpContext http, CancellationToken ct)
    {
        var code = await enterprises.ShowCodeAsync(user.PersonIdOrThrow(), id, ct);
        http.Response.Headers["X-Code-Expires"] = code.ExpiresAt.ToString("O", CultureInfo.InvariantCulture);
        return TypedResults.File(enterprises.Png(code), "image/png");
    }

    private static async Task<FileContentHttpResult> CodeSvg(long id, ClaimsPrincipal user, EnterpriseCodeService enterprises, HttpContext http, CancellationToken ct)
    {
        var code = await enterprises.ShowCodeAsync(user.PersonIdOrThrow(), id, ct);
        http.Response.Headers["X-Code-Expires"] = code.ExpiresAt.ToString("O", CultureInfo.InvariantCulture);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(enterprises.Svg(code)), "image/svg+xml");
    }
}
