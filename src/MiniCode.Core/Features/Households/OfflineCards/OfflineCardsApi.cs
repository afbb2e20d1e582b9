using System.Security.Claims;
using MiniCode.Features.Sessions;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.Rendering;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Households.OfflineCards;

/// <summary>Issue a card for oneself (<c>relativeId</c> null) or for one of one's relatives.</summary>
public sealed record IssueCardRequest(long? RelativeId);

/// <summary>
/// 离线码 under <c>/api/me/offline-cards</c> (issue, list, PNG, A6 PDF, A4 sheet PDF) and the public revocation list
/// <c>/api/offline-cards/revocations</c> that offline verifiers download next to <c>/api/keys</c>.
/// </summary>
public static class OfflineCardsApi
{
    public static void MapOfflineCardsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/me/offline-cards").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Households").ProducesErrors(SessionErrors.Challenge);
        ErrorCode[] file = [HouseholdsErrors.CardNotFound, HouseholdsErrors.CardExpired, RenderingErrors.ConverterUnavailable];
        g.MapGet("/", List);
        g.MapPost("/", Issue).ProducesErrors(SessionErrors.RealNameRequired, HouseholdsErrors.RelativeNotFound, HealthCodeErrors.DeclarationRequired);
        g.MapGet("/{id:long}", Get).ProducesErrors(HouseholdsErrors.CardNotFound);
        g.MapGet("/{id:long}/card.png", Png).ProducesErrors(file);
        g.MapGet("/{id:long}/card.pdf", CardPdf).ProducesErrors(file);
        g.MapGet("/{id:long}/sheet.pdf", SheetPdf).ProducesErrors(file);

        app.MapApiGroup("/api/offline-cards").WithTags("Households").AllowAnonymous().RequireRateLimiting(FoundationSetup.RateLimits.PerClient)
            .MapGet("/revocations", Revocations);
    }

    /// <summary>我的离线码</summary>
    /// <remarks>本人和亲友的离线码卡片及状态（有效、过期、吊销）。</remarks>
    internal static async Task<Ok<IReadOnlyList<OfflineCardView>>> List(ClaimsPrincipal user, OfflineCardService cards, CancellationToken ct) =>
        TypedResults.Ok(await cards.ListAsync(user.AccountId(), ct));

    /// <summary>申领离线码</summary>
    /// <remarks>为本人（或 <c>relativeId</c> 指定的亲友）签发离线码，有效 <c>MiniCode:Households:OfflineCards:ValidDays</c> 天（默认 30），不晚于签名密钥的最后一天；码色变化或删除亲友时吊销。</remarks>
    internal static async Task<Created<OfflineCardView>> Issue(IssueCardRequest body, ClaimsPrincipal user, HouseholdAccess access,
        OfflineCardService cards, CancellationToken ct)
    {
        var personId = body.RelativeId is { } rid ? await access.RelativePersonAsync(user, rid, ct) : user.PersonIdOrThrow();
        var view = await cards.IssueAsync(user.AccountId(), personId, ct);
        return TypedResults.Created($"/api/me/offline-cards/{view.Id}", view);
    }

    /// <summary>离线码详情</summary>
    /// <remarks>卡片的载荷、码色、状态、有效期和图片/PDF 路径；已吊销或过期为 410 <c>offline_cards.expired</c>。</remarks>
    internal static async Task<Ok<OfflineCardView>> Get(long id, ClaimsPrincipal user, HouseholdAccess access, OfflineCardService cards, CancellationToken ct) =>
        TypedResults.Ok(await cards.ViewAsync(await FindAsync(id, user, access, cards, ct), ct));

    /// <summary>离线码卡片（PNG）</summary>
    /// <remarks>可保存到相册的卡片图片。</remarks>
    internal static Task<FileContentHttpResult> Png(long id, ClaimsPrincipal user, HouseholdAccess access, OfflineCardService cards, CancellationToken ct) =>
        FileAsync(id, CardFormat.Png, "image/png", "card.png", user, access, cards, ct);

    /// <summary>离线码卡片（A6 PDF）</summary>
    /// <remarks>可打印的单张卡片。</remarks>
    internal static Task<FileContentHttpResult> CardPdf(long id, ClaimsPrincipal user, HouseholdAccess access, OfflineCardService cards, CancellationToken ct) =>
        FileAsync(id, CardFormat.CardPdf, "application/pdf", "card.pdf", user, access, cards, ct);

    /// <summary>离线码卡片（A4 四联 PDF）</summary>
    /// <remarks>一张 A4 上四张卡片，便于打印裁剪。</remarks>
    internal static Task<FileContentHttpResult> SheetPdf(long id, ClaimsPrincipal user, HouseholdAccess access, OfflineCardService cards, CancellationToken ct) =>
        FileAsync(id, CardFormat.SheetPdf, "application/pdf", "sheet.pdf", user, access, cards, ct);

    /// <summary>离线码吊销列表</summary>
    /// <remarks>离线核验端缓存的吊销列表：每项为签名字节的 SHA-256（<c>signedSha256</c>）及到期时间。无需登录。</remarks>
    internal static async Task<Ok<RevocationList>> Revocations(OfflineCardService cards, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(await cards.RevocationsAsync(ct));
    }

    private static async Task<FileContentHttpResult> FileAsync(long id, CardFormat format, string contentType, string name, ClaimsPrincipal user,
        HouseholdAccess access, OfflineCardService cards, CancellationToken ct)
    {
        var card = await FindAsync(id, user, access, cards, ct);
        return TypedResults.File(await cards.RenderAsync(card, format, ct), contentType, $"offline-card-{card.Id}-{name}");
    }

    private static Task<OfflineCard> FindAsync(long id, ClaimsPrincipal user, HouseholdAccess access, OfflineCardService cards, CancellationToken ct)
    {
        var own = user.PersonIdOrNull();
        return cards.FindAsync(user.AccountId(), id, personId => access.MayActForAsync(own, personId, ct), ct);
    }
}
