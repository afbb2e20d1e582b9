using System.Security.Claims;
using MiniCode.Data;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.Organisations;
using MiniCode.Features.Rendering;
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

    /// <summary>授权事项</summary>
    /// <remarks>工作人员维护的、已启用的授权办事事项；<c>region</c> 时只含该地区及其上级的事项。无需登录。</remarks>
    // Enabled matters in display order; with region, those of that region and the regions above it.
    internal static async Task<Ok<IReadOnlyList<ErrandMatterView>>> Matters([AsParameters] OptionalRegionQuery query, MiniCodeDbContext db, CancellationToken ct)
    {
        var matters = await db.Set<ErrandMatter>().AsNoTracking().Where(m => m.Enabled).OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(ct);
        IReadOnlyList<ErrandMatterView> list = matters.Where(m => query.Region is null || RegionCodes.Covers(m.RegionCode, query.Region))
            .Select(m => new ErrandMatterView(m.Id, m.Name, m.Description, m.RegionCode)).ToList();
        return TypedResults.Ok(list);
    }

    /// <summary>授权他人办事</summary>
    /// <remarks>事项 + 被授权人姓名和身份证号（或常用联系人）+ 日期或日期范围（业务日历 Asia/Shanghai），可附要出示的证照。不能授权给自己；未结束的授权至多 <c>MiniCode:Errands:MaxOpenPerGrantor</c> 条；答复不透露被授权人是否存在，存在时其消息中心收到通知。状态：待确认。</remarks>
    internal static async Task<Created<AuthorisationView>> Grant(CreateAuthorisationRequest body, ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct)
    {
        var view = await errands.GrantAsync(user.AccountId(), user.PersonIdOrThrow(), body, ct);
        return TypedResults.Created($"/api/me/errands/granted/{view.Id}", view);
    }

    /// <summary>授权记录</summary>
    /// <remarks>本人授出的授权及其状态（待确认、已生效、已拒绝、已失效）。</remarks>
    internal static async Task<Ok<IReadOnlyList<AuthorisationView>>> Granted(ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.GrantedAsync(user.PersonIdOrThrow(), ct));

    /// <summary>授权记录详情</summary>
    /// <remarks>被授权人脱敏显示。</remarks>
    internal static async Task<Ok<AuthorisationView>> GrantedOne(long id, ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.GrantedAsync(user.PersonIdOrThrow(), id, ct));

    /// <summary>撤销授权</summary>
    /// <remarks>只能在第一天之前撤销；撤销后为已失效。</remarks>
    internal static async Task<Ok<AuthorisationView>> Revoke(long id, ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.RevokeAsync(user.PersonIdOrThrow(), id, ct));

    /// <summary>被授权记录</summary>
    /// <remarks>授予本人的授权及其状态。</remarks>
    internal static async Task<Ok<IReadOnlyList<AuthorisationView>>> Received(ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.ReceivedAsync(user.PersonIdOrThrow(), ct));

    /// <summary>被授权记录详情</summary>
    /// <remarks>授权人脱敏显示。</remarks>
    internal static async Task<Ok<AuthorisationView>> ReceivedOne(long id, ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.ReceivedAsync(user.PersonIdOrThrow(), id, ct));

    /// <summary>接受授权</summary>
    /// <remarks>接受待确认的授权，状态变为已生效；已处理过的为 409 <c>errands.not_pending</c>。</remarks>
    internal static async Task<Ok<AuthorisationView>> Accept(long id, ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.AnswerAsync(user.PersonIdOrThrow(), id, accept: true, ct));

    /// <summary>拒绝授权</summary>
    /// <remarks>拒绝待确认的授权，状态变为已拒绝。</remarks>
    internal static async Task<Ok<AuthorisationView>> Decline(long id, ClaimsPrincipal user, AuthorisationService errands, CancellationToken ct) =>
        TypedResults.Ok(await errands.AnswerAsync(user.PersonIdOrThrow(), id, accept: false, ct));

    /// <summary>出示授权码</summary>
    /// <remarks>仅在已生效且当天在授权日期内时签发，短时有效；核验端看到授权人、被授权人（脱敏）、事项、日期和状态。</remarks>
    internal static async Task<Ok<AuthorisationCodeView>> Code(long id, ClaimsPrincipal user, AuthorisationCodes codes, HttpContext http, CancellationToken ct)
    {
        CodeImages.NoStore(http);
        return TypedResults.Ok(await codes.ShowAsync(user.CodeViewer(), id, ct));
    }

    /// <summary>出示授权码（PNG）</summary>
    /// <remarks>同出示授权码，PNG 图片。</remarks>
    internal static async Task<FileContentHttpResult> CodePng(long id, ClaimsPrincipal user, AuthorisationCodes codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.CodeViewer(), id, ct);
        return CodeImages.Png(http, codes.Png(code), code.ExpiresAt, payload: code.Payload);
    }

    /// <summary>出示授权码（SVG）</summary>
    /// <remarks>同出示授权码，SVG 图片。</remarks>
    internal static async Task<FileContentHttpResult> CodeSvg(long id, ClaimsPrincipal user, AuthorisationCodes codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.CodeViewer(), id, ct);
        return CodeImages.Svg(http, codes.Svg(code), code.ExpiresAt, payload: code.Payload);
    }
}
