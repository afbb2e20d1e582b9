using System.Globalization;
using System.Security.Claims;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.WeChat;

namespace MiniCode.Features.Posters;

/// <summary>
/// Poster codes (张贴码) for their owners under <c>/api/posters</c>, and venue check-in (扫码登记) under <c>/api/check-ins</c>.
/// </summary>
public static class PostersApi
{
    public static IEndpointRouteBuilder MapPostersApi(this IEndpointRouteBuilder app)
    {
        var posters = app.MapApiGroup("/api/posters").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Posters").ProducesErrors(SessionErrors.Challenge);
        var notFound = PostersErrors.NotFound;
        posters.MapPost("", Apply).ProducesErrors(SessionErrors.RealNameRequired, CommonErrors.ValidationFailed, PostersErrors.TooMany);
        posters.MapGet("", List);
        posters.MapGet("/poster.pdf", BulkPdf).ProducesErrors(CommonErrors.ValidationFailed, notFound);
        posters.MapGet("/{id:long}", Detail).ProducesErrors(notFound);
        posters.MapDelete("/{id:long}", Delete).ProducesErrors(notFound);
        posters.MapPost("/{id:long}/rotate", Rotate).ProducesErrors(notFound, PostersErrors.Revoked, CommonErrors.Conflict);
        posters.MapGet("/{id:long}/qr.png", Png).ProducesErrors(notFound);
        posters.MapGet("/{id:long}/qr.svg", Svg).ProducesErrors(notFound);
        posters.MapGet("/{id:long}/poster.pdf", Pdf).ProducesErrors(notFound);
        posters.MapGet("/{id:long}/wechat-code.png", WeChatCode).ProducesErrors(WeChatErrors.Trouble, notFound);
        posters.MapGet("/{id:long}/alipay-code", AlipayCode).ProducesErrors(AlipayErrors.Trouble, notFound);
        posters.MapGet("/{id:long}/check-ins", Visitors).ProducesErrors(notFound, CommonErrors.ValidationFailed);
        posters.MapGet("/{id:long}/check-ins.csv", VisitorsCsv).ProducesErrors(notFound, CommonErrors.ValidationFailed);

        var checkIns = app.MapApiGroup("/api/check-ins").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Posters")
            .ProducesErrors(SessionErrors.Challenge, SessionErrors.RealNameRequired, PostersErrors.PersonNotAllowed);
        checkIns.MapPost("", CheckIn).ProducesErrors(PostersErrors.Scan, CommonErrors.ValidationFailed, HealthCodeErrors.DeclarationRequired);
        checkIns.MapGet("", MyCheckIns);
        return app;
    }

    private static async Task<Created<PosterView>> Apply(ClaimsPrincipal user, PosterRequest body, PosterService posters, CancellationToken ct)
    {
        _ = user.PersonIdOrThrow(); // the owner answers for the venue: real name first
        var view = await posters.ApplyAsync(user.AccountId(), body, ct);
        return TypedResults.Created($"/api/posters/{view.Poster.Id}", view);
    }

    private static async Task<Ok<PosterList>> List(ClaimsPrincipal user, PosterService posters, CancellationToken ct) =>
        TypedResults.Ok(await posters.ListAsync(user.AccountId(), ct));

    private static async Task<Ok<PosterView>> Detail(long id, ClaimsPrincipal user, PosterService posters, CancellationToken ct) =>
        TypedResults.Ok(await posters.DetailAsync(user.AccountId(), id, ct));

    private static async Task<NoContent> Delete(long id, ClaimsPrincipal user, PosterService posters, CancellationToken ct)
    {
        await posters.DeleteAsync(user.AccountId(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PosterView>> Rotate(long id, ClaimsPrincipal user, PosterService posters, CancellationToken ct) =>
        TypedResults.Ok(await posters.RotateAsync(user.AccountId(), id, ct));

    private static async Task<FileContentHttpResult> Png(long id, ClaimsPrincipal user, PosterService posters, PosterRenderer renderer, CancellationToken ct)
    {
        var (_, current) = await posters.OwnedAsync(user.AccountId(), id, ct);
        return TypedResults.File(renderer.Png(current), "image/png", FileName(id, current, "png"));
    }

    private static async Task<FileContentHttpResult> Svg(long id, ClaimsPrincipal user, PosterService posters, PosterRenderer renderer, CancellationToken ct)
    {
        var (_, current) = await posters.OwnedAsync(user.AccountId(), id, ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(renderer.Svg(current)), "image/svg+xml", FileName(id, current, "svg"));
    }

    private static async Task<FileContentHttpResult> Pdf(long id, ClaimsPrincipal user, PosterService posters, PosterRenderer renderer, CancellationToken ct)
    {
        var (poster, current) = await posters.OwnedAsync(user.AccountId(), id, ct);
        return TypedResults.File(await renderer.PdfAsync(poster, current, ct), "application/pdf", FileName(id, current, "pdf"));
    }

    /// <summary>One PDF with a page per poster: the ones named by <c>ids</c> (repeat the parameter), or all of the owner's.</summary>
    private static async Task<FileContentHttpResult> BulkPdf(long[]? ids, ClaimsPrincipal user, PosterService posters, PosterRenderer renderer, CancellationToken ct) =>
        TypedResults.File(await renderer.BulkPdfAsync(await posters.PagesAsync(user.AccountId(), ids, ct), ct), "application/pdf", "posters.pdf");

    private static async Task<FileContentHttpResult> WeChatCode(long id, ClaimsPrincipal user, PosterService posters, PosterPlatformCodes codes, CancellationToken ct)
    {
        var (poster, current) = await posters.OwnedAsync(user.AccountId(), id, ct);
        var (image, mediaType) = await codes.WeChatAsync(poster, current, ct);
        return TypedResults.File(image, mediaType, FileName(id, current, mediaType == "image/jpeg" ? "wechat.jpg" : "wechat.png"));
    }

    private static async Task<Ok<AlipayCodeView>> AlipayCode(long id, ClaimsPrincipal user, PosterService posters, PosterPlatformCodes codes, CancellationToken ct)
    {
        var (poster, current) = await posters.OwnedAsync(user.AccountId(), id, ct);
        return TypedResults.Ok(await codes.AlipayAsync(poster, current, ct));
    }

    private static async Task<Ok<OwnerCheckIns>> Visitors(long id, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
        ClaimsPrincipal user, PosterService posters, VisitorRecords visitors, CancellationToken ct)
    {
        await posters.OwnedAsync(user.AccountId(), id, ct);
        return TypedResults.Ok(await visitors.PageAsync(id, from, to, page, pageSize, ct));
    }

    /// <summary>Streams the CSV; ownership and the filter are checked before the first byte is sent.</summary>
    private static async Task<PushStreamHttpResult> VisitorsCsv(long id, DateTimeOffset? from, DateTimeOffset? to,
        ClaimsPrincipal user, PosterService posters, VisitorRecords visitors, CancellationToken ct)
    {
        await posters.OwnedAsync(user.AccountId(), id, ct);
        VisitorRecords.ValidateRange(from, to);
        return TypedResults.Stream(stream => visitors.WriteCsvAsync(id, from, to, stream, ct), "text/csv; charset=utf-8",
            $"check-ins-P{id.ToString(CultureInfo.InvariantCulture)}.csv");
    }

    private static async Task<Ok<CheckInView>> CheckIn(ClaimsPrincipal user, CheckInRequest body, CheckInService checkIns, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await checkIns.CheckInAsync(user.AccountId(), user.PersonIdOrThrow(), body, ct));
    }

    private static async Task<Ok<MyCheckIns>> MyCheckIns(long? relativeId, ClaimsPrincipal user, CheckInService checkIns, CancellationToken ct) =>
        TypedResults.Ok(await checkIns.MineAsync(user.AccountId(), user.PersonIdOrThrow(), relativeId, ct));

    private static string FileName(long id, PosterGeneration g, string extension) =>
        $"poster-P{id.ToString(CultureInfo.InvariantCulture)}-{g.Number.ToString(CultureInfo.InvariantCulture)}.{extension}";
}
