using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using System.Security.Claims;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.HealthCodes.Reports;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes;

/// <summary>
/// Health codes (GB/T 38962 interface names): 健康申报 <c>/api/me/declaration</c>, 制码/亮码 <c>/api/me/code</c>,
/// 验码 <c>/api/codes/verify</c>, verification keys <c>/api/keys</c>, and the citizen's own data and notices.
/// </summary>
public static class HealthCodesApi
{
    public sealed record VerifyRequest(string? Payload) : IValidatable
    {
        public void Validate(InputValidator v, IServiceProvider services) =>
            v.Check(Payload is not null && Payload.Length <= 1000, "payload", "请提供二维码内容");
    }

    public sealed record VerifyResponse(bool Valid, string? Reason, HealthColor? Color, string? Type, DateTimeOffset? IssuedAt,
        DateTimeOffset? ExpiresAt, string? MaskedName, string? PortraitReference);

    public static IEndpointRouteBuilder MapHealthCodesApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/keys").WithTags("HealthCodes").AllowAnonymous().MapGet("", Keys);

        // Everything here is about the caller's own person: real name first.
        var me = app.MapApiGroup("/api/me").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("HealthCodes")
            .ProducesErrors(SessionErrors.Challenge, SessionErrors.RealNameRequired);
        me.MapGet("/declaration", GetDeclaration).ProducesErrors(HealthCodeErrors.DeclarationRequired);
        me.MapPost("/declaration", SubmitDeclaration).ProducesErrors(CommonErrors.ValidationFailed, HealthCodeErrors.DeclarationTooSoon);
        me.MapGet("/code", ShowCode).ProducesErrors(HealthCodeErrors.ShowCode);
        me.MapGet("/code.png", ShowCodePng).ProducesErrors(HealthCodeErrors.ShowCode);
        me.MapGet("/code.svg", ShowCodeSvg).ProducesErrors(HealthCodeErrors.ShowCode);
        me.MapNoticesApi();
        me.MapAppealsApi();
        me.MapReportsApi();

        // Scanners (session) and verifier services (API key) both verify.
        app.MapApiGroup("/api/codes").RequireAuthorization(HealthCodesSetup.VerifierPolicy)
            .RequireRateLimiting(HealthCodesSetup.VerifyRateLimit).AddEndpointFilter(VerifyRateLimits.PerPrincipalFilter).WithTags("HealthCodes")
            .ProducesErrors(SessionErrors.Challenge, HealthCodeErrors.ApiKeyInvalid)
            .MapPost("/verify", Verify);

        app.MapImportsApi();
        return app;
    }

    private static Ok<Jwks.JsonWebKeySet> Keys(SigningKeyRing ring, HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(Jwks.From(ring));
    }

    private static async Task<Ok<DeclarationView>> GetDeclaration(ClaimsPrincipal user, DeclarationService declarations, CancellationToken ct) =>
        TypedResults.Ok(await declarations.GetAsync(user.PersonIdOrThrow(), ct) ?? throw new ApiException(HealthCodeErrors.DeclarationRequired));

    private static async Task<Ok<DeclarationView>> SubmitDeclaration(ClaimsPrincipal user, DeclarationRequest body, DeclarationService declarations, CancellationToken ct)
    {
        var personId = user.PersonIdOrThrow();
        return TypedResults.Ok(await declarations.SubmitAsync(personId, body, $"citizen:{user.AccountId()}", ct));
    }

    private static async Task<Ok<CodeView>> ShowCode(ClaimsPrincipal user, ShowCodeService codes, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await codes.ShowAsync(user.PersonIdOrThrow(), ct));
    }

    private static async Task<FileContentHttpResult> ShowCodePng(ClaimsPrincipal user, ShowCodeService codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.PersonIdOrThrow(), ct);
        SetCodeHeaders(http, code);
        return TypedResults.File(codes.Png(code), "image/png");
    }

    private static async Task<FileContentHttpResult> ShowCodeSvg(ClaimsPrincipal user, ShowCodeService codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.PersonIdOrThrow(), ct);
        SetCodeHeaders(http, code);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(codes.Svg(code)), "image/svg+xml");
    }

    /// <summary>The image's payload, colour and expiry travel in headers so a client can show them next to the image.</summary>
    private static void SetCodeHeaders(HttpContext http, CodeView code)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Code-Color"] = code.Color.ToString().ToLowerInvariant();
        http.Response.Headers["X-Code-Expires"] = code.ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Ok<VerifyResponse>> Verify(VerifyRequest body, HealthCodeVerifier verifier, CancellationToken ct)
    {
        var r = await verifier.VerifyAsync(body.Payload!, ct);
        return TypedResults.Ok(new VerifyResponse(r.Valid, r.ReasonCode, r.Color, r.Claims is { } c ? c.Type.WireName() : null,
            r.Claims?.IssuedAt, r.Claims?.ExpiresAt, r.MaskedName, r.PortraitReference));
    }
}
