using System.Globalization;
using System.Security.Claims;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.Rendering;
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
        posters.MapGet("/poster.pdf", BulkPdf).ProducesErrors(CommonErrors.ValidationFailed, notFound, RenderingErrors.ConverterUnavailable);
        posters.MapGet("/{id:long}", Detail).ProducesErrors(notFound);
        posters.MapDelete("/{id:long}", Delete).ProducesErrors(notFound);
        posters.MapPost("/{id:long}/rotate", Rotate).ProducesErrors(notFound, PostersErrors.Revoked, CommonErrors.Conflict);
        posters.MapGet("/{id:long}/qr.png", Png).ProducesErrors(notFound);
        posters.MapGet("/{id:long}/qr.svg", Svg).ProducesErrors(notFound);
        posters.MapGet("/{id:long}/poster.pdf", Pdf).ProducesErrors(notFound, RenderingErrors.ConverterUnavailable);
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

    /// <summary>申请张贴码</summary>
    /// <remarks>场所名称、地址、地区码、场所类型、联系人和电话（加密存储）；需已实名，每人至多 <c>MiniCode:Posters:MaxPostersPerOwner</c> 个。</remarks>
    internal static async Task<Created<PosterView>> Apply(ClaimsPrincipal user, PosterRequest body, PosterService posters, CancellationToken ct)
    {
        _ = user.PersonIdOrThrow(); // the owner answers for the venue: real name first
        var view = await posters.ApplyAsync(user.AccountId(), body, ct);
        return TypedResults.Created($"/api/posters/{view.Poster.Id}", view);
    }

    /// <summary>我的张贴码</summary>
    /// <remarks>本人（同一人的各账号）申请的张贴码。</remarks>
    internal static async Task<Ok<PosterList>> List(ClaimsPrincipal user, PosterService posters, CancellationToken ct) =>
        TypedResults.Ok(await posters.ListAsync(user.AccountId(), ct));

    /// <summary>张贴码详情</summary>
    /// <remarks>场所信息、当前载荷和小程序码场景值。</remarks>
    internal static async Task<Ok<PosterView>> Detail(long id, ClaimsPrincipal user, PosterService posters, CancellationToken ct) =>
        TypedResults.Ok(await posters.DetailAsync(user.AccountId(), id, ct));

    /// <summary>删除张贴码</summary>
    /// <remarks>删除后该码扫码为 <c>posters.deleted</c>。</remarks>
    internal static async Task<NoContent> Delete(long id, ClaimsPrincipal user, PosterService posters, CancellationToken ct)
    {
        await posters.DeleteAsync(user.AccountId(), id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>更换张贴码</summary>
    /// <remarks>签发新载荷；旧码在 <c>MiniCode:Posters:RotationGrace</c> 内仍可签到，之后为 <c>posters.rotated</c>。</remarks>
    internal static async Task<Ok<PosterView>> Rotate(long id, ClaimsPrincipal user, PosterService posters, CancellationToken ct) =>
        TypedResults.Ok(await posters.RotateAsync(user.AccountId(), id, ct));

    /// <summary>张贴码二维码（PNG）</summary>
    /// <remarks>当前载荷的二维码图片，供自行排版打印。</remarks>
    internal static async Task<FileContentHttpResult> Png(long id, ClaimsPrincipal user, PosterService posters, PosterRenderer renderer, CancellationToken ct)
    {
        var (poster, current) = await posters.OwnedAsync(user.AccountId(), id, ct);
        return TypedResults.File(await renderer.PngAsync(poster, current, ct), "image/png", FileName(id, current, "png"));
    }

    /// <summary>张贴码二维码（SVG）</summary>
    /// <remarks>当前载荷的二维码矢量图，供自行排版打印。</remarks>
    internal static async Task<FileContentHttpResult> Svg(long id, ClaimsPrincipal user, PosterService posters, PosterRenderer renderer, CancellationToken ct)
    {
        var (poster, current) = await posters.OwnedAsync(user.AccountId(), id, ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(await renderer.SvgAsync(poster, current, ct)), "image/svg+xml", FileName(id, current, "svg"));
    }

    /// <summary>张贴码海报（PDF）</summary>
    /// <remarks>可打印的 A4 海报。</remarks>
    internal static async Task<FileContentHttpResult> Pdf(long id, ClaimsPrincipal user, PosterService posters, PosterRenderer renderer, CancellationToken ct)
    {
        var (poster, current) = await posters.OwnedAsync(user.AccountId(), id, ct);
        return TypedResults.File(await renderer.PdfAsync(poster, current, ct), "application/pdf", FileName(id, current, "pdf"));
    }

    /// <summary>批量打印张贴码（PDF）</summary>
    /// <remarks>每个张贴码一页：<c>ids</c> 指定的（可重复该参数），否则本人全部；至多 <c>MiniCode:Posters:MaxPostersPerPdf</c> 张。</remarks>
    // One PDF with a page per poster: the ones named by ids (repeat the parameter), or all of the owner's.
    // ids = null, not only nullable: the request delegate generator marks a nullable array without a default as required.
    internal static async Task<FileContentHttpResult> BulkPdf(ClaimsPrincipal user, PosterService posters, PosterRenderer renderer, CancellationToken ct, long[]? ids = null) =>
        TypedResults.File(await renderer.BulkPdfAsync(await posters.PagesAsync(user.AccountId(), ids, ct), ct), "application/pdf", "posters.pdf");

    /// <summary>微信小程序码</summary>
    /// <remarks>打开签到页（<c>MiniCode:Posters:MiniProgramPage</c>）的小程序码，场景值为张贴码标识。</remarks>
    internal static async Task<FileContentHttpResult> WeChatCode(long id, ClaimsPrincipal user, PosterService posters, PosterPlatformCodes codes, CancellationToken ct)
    {
        var (poster, current) = await posters.OwnedAsync(user.AccountId(), id, ct);
        var (image, mediaType) = await codes.WeChatAsync(poster, current, ct);
        return TypedResults.File(image, mediaType, FileName(id, current, mediaType == "image/jpeg" ? "wechat.jpg" : "wechat.png"));
    }

    /// <summary>支付宝小程序码</summary>
    /// <remarks>支付宝小程序码地址和场景值。</remarks>
    internal static async Task<Ok<AlipayCodeView>> AlipayCode(long id, ClaimsPrincipal user, PosterService posters, PosterPlatformCodes codes, CancellationToken ct)
    {
        var (poster, current) = await posters.OwnedAsync(user.AccountId(), id, ct);
        return TypedResults.Ok(await codes.AlipayAsync(poster, current, ct));
    }

    /// <summary>到访记录</summary>
    /// <remarks>该场所的签到记录（脱敏姓名、码色、时间），可按时间筛选并分页；保存 <c>MiniCode:Posters:RetentionDays</c> 天。</remarks>
    internal static async Task<Ok<OwnerCheckIns>> Visitors(long id, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
        ClaimsPrincipal user, PosterService posters, VisitorRecords visitors, CancellationToken ct)
    {
        await posters.OwnedAsync(user.AccountId(), id, ct);
        return TypedResults.Ok(await visitors.PageAsync(id, from, to, page, pageSize, ct));
    }

    /// <summary>到访记录（CSV）</summary>
    /// <remarks>同到访记录，CSV 下载。</remarks>
    // Streams the CSV; ownership and the filter are checked before the first byte is sent.
    internal static async Task<PushStreamHttpResult> VisitorsCsv(long id, DateTimeOffset? from, DateTimeOffset? to,
        ClaimsPrincipal user, PosterService posters, VisitorRecords visitors, CancellationToken ct)
    {
        await posters.OwnedAsync(user.AccountId(), id, ct);
        VisitorRecords.ValidateRange(from, to);
        return TypedResults.Stream(stream => visitors.WriteCsvAsync(id, from, to, stream, ct), "text/csv; charset=utf-8",
            $"check-ins-P{id.ToString(CultureInfo.InvariantCulture)}.csv");
    }

    /// <summary>扫场所码签到</summary>
    /// <remarks>扫到的张贴码文本或小程序码场景值原样提交（<c>relativeId</c> 为亲友签到）；<c>MiniCode:Posters:CollapseWindow</c> 内重复签到合并。错误码区分已更换、过期、吊销、删除、伪造和非场所码。</remarks>
    internal static async Task<Ok<CheckInView>> CheckIn(ClaimsPrincipal user, CheckInRequest body, CheckInService checkIns, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await checkIns.CheckInAsync(user.AccountId(), user.PersonIdOrThrow(), body, ct));
    }

    /// <summary>我的签到记录</summary>
    /// <remarks>本人（或 <c>relativeId</c> 亲友）的场所签到记录。</remarks>
    internal static async Task<Ok<MyCheckIns>> MyCheckIns(long? relativeId, ClaimsPrincipal user, CheckInService checkIns, CancellationToken ct) =>
        TypedResults.Ok(await checkIns.MineAsync(user.AccountId(), user.PersonIdOrThrow(), relativeId, ct));

    private static string FileName(long id, PosterGeneration g, string extension) =>
        $"poster-P{id.ToString(CultureInfo.InvariantCulture)}-{g.Number.ToString(CultureInfo.InvariantCulture)}.{extension}";
}
