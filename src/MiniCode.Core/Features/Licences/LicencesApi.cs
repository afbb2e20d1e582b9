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

    /// <summary>证照类型</summary>
    /// <remarks>可关联的电子证照类型（如居民身份电子凭证、社会保障卡）。无需登录。</remarks>
    internal static async Task<Ok<IReadOnlyList<LicenceTypeView>>> Types(LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.TypesAsync(ct));

    /// <summary>我的电子证照</summary>
    /// <remarks>本人已关联的证照，按本人设定的顺序；证照号脱敏。</remarks>
    internal static async Task<Ok<IReadOnlyList<LicenceView>>> List(ClaimsPrincipal user, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.ListAsync(user.PersonIdOrThrow(), ct));

    /// <summary>授权关联证照</summary>
    /// <remarks>证照类型 + 是否授权（<c>consent</c>）：不授权时什么都不保存；授权时由发证方确认证照属于本实名人后关联（他人的证照 409），重复关联同一证照不重复保存。发证方不可用为 503。</remarks>
    internal static async Task<Ok<BindLicenceResult>> Bind(BindLicenceRequest body, ClaimsPrincipal user, LicenceBinder binder, CancellationToken ct) =>
        TypedResults.Ok(await binder.AuthoriseAsync(user.PersonIdOrThrow(), body, ct));

    /// <summary>证照排序</summary>
    /// <remarks><c>ids</c> 为全部已关联证照的新顺序：须恰好包含每个一次，否则 400 <c>licences.order_mismatch</c>。</remarks>
    internal static async Task<Ok<IReadOnlyList<LicenceView>>> Reorder(LicenceOrderRequest body, ClaimsPrincipal user, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.ReorderAsync(user.PersonIdOrThrow(), body.Ids!, ct));

    /// <summary>证照详情</summary>
    /// <remarks>证照号、发证机关、有效期（脱敏）。</remarks>
    internal static async Task<Ok<LicenceView>> Get(long id, ClaimsPrincipal user, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.GetAsync(user.PersonIdOrThrow(), id, ct));

    /// <summary>解除绑定</summary>
    /// <remarks>解除关联，该证照的码随即核验为 revoked。</remarks>
    internal static async Task<NoContent> Unbind(long id, ClaimsPrincipal user, LicenceService licences, CancellationToken ct)
    {
        await licences.UnbindAsync(user.PersonIdOrThrow(), id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>出示证照</summary>
    /// <remarks>签名的证照码，有效 <c>MiniCode:Licences:CodeLifetimeSeconds</c> 秒；过期的证照为 409。核验答证照类型、持证人（脱敏）、证照号（脱敏）、发证机关和有效期。</remarks>
    internal static async Task<Ok<LicenceCodeView>> Code(long id, ClaimsPrincipal user, LicenceService licences, HttpContext http, CancellationToken ct)
    {
        CodeImages.NoStore(http);
        return TypedResults.Ok(await licences.CodeAsync(user.PersonIdOrThrow(), id, ct));
    }

    /// <summary>出示证照（PNG）</summary>
    /// <remarks>同出示证照，PNG 图片。</remarks>
    internal static async Task<FileContentHttpResult> CodePng(long id, ClaimsPrincipal user, LicenceService licences, ServiceCodeMarks marks,
        IOptions<LicenceOptions> options, HttpContext http, CancellationToken ct)
    {
        var code = await licences.CodeAsync(user.PersonIdOrThrow(), id, ct);
        return CodeImages.Png(http, marks.Png(code, options.Value.PngPixelsPerModule), code.ExpiresAt, payload: code.Payload);
    }

    /// <summary>出示证照（SVG）</summary>
    /// <remarks>同出示证照，SVG 图片。</remarks>
    internal static async Task<FileContentHttpResult> CodeSvg(long id, ClaimsPrincipal user, LicenceService licences, ServiceCodeMarks marks,
        IOptions<LicenceOptions> options, HttpContext http, CancellationToken ct)
    {
        var code = await licences.CodeAsync(user.PersonIdOrThrow(), id, ct);
        return CodeImages.Svg(http, marks.Svg(code, options.Value.PngPixelsPerModule), code.ExpiresAt, payload: code.Payload);
    }
}
