using System.Security.Claims;
using MiniCode.Features.Rendering;
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

    /// <summary>我绑定的企业</summary>
    /// <remarks>本人绑定的企业（名称、统一社会信用代码脱敏、地区、角色、是否停用）。</remarks>
    internal static async Task<Ok<IReadOnlyList<EnterpriseBindingView>>> List(ClaimsPrincipal user, EnterpriseService enterprises, CancellationToken ct) =>
        TypedResults.Ok(await enterprises.ListAsync(user.PersonIdOrThrow(), ct));

    /// <summary>绑定企业</summary>
    /// <remarks>企业名称 + 18 位统一社会信用代码（按 GB 32100-2015 校验码校验，错误为 400）+ 角色（法定代表人或员工），由企业登记接口核实（不符为 403 <c>enterprises.not_verified</c>，接口不可用为 503）；每人至多 <c>MiniCode:Enterprises:MaxBindingsPerPerson</c> 家。</remarks>
    internal static async Task<Created<EnterpriseBindingView>> Bind(BindEnterpriseRequest body, ClaimsPrincipal user, EnterpriseService enterprises, CancellationToken ct)
    {
        var view = await enterprises.BindEnterpriseAsync(user.PersonIdOrThrow(), body, ct);
        return TypedResults.Created($"/api/me/enterprises/{view.Id}", view);
    }

    /// <summary>企业解绑</summary>
    /// <remarks>解除绑定，其企业码随即核验为 revoked。</remarks>
    internal static async Task<NoContent> Unbind(long id, ClaimsPrincipal user, EnterpriseService enterprises, CancellationToken ct)
    {
        await enterprises.UnbindAsync(user.PersonIdOrThrow(), id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>出示企业码</summary>
    /// <remarks>签名的企业码，有效 <c>MiniCode:Enterprises:CodeSeconds</c> 秒；核验答企业名称和地区。停用的企业不能出示。</remarks>
    internal static async Task<Ok<EnterpriseCodeView>> Code(long id, ClaimsPrincipal user, EnterpriseCodeService enterprises, HttpContext http, CancellationToken ct)
    {
        CodeImages.NoStore(http);
        return TypedResults.Ok(await enterprises.ShowCodeAsync(user.PersonIdOrThrow(), id, ct));
    }

    /// <summary>出示企业码（PNG）</summary>
    /// <remarks>同出示企业码，PNG 图片。</remarks>
    internal static async Task<FileContentHttpResult> CodePng(long id, ClaimsPrincipal user, EnterpriseCodeService enterprises, HttpContext http, CancellationToken ct)
    {
        var code = await enterprises.ShowCodeAsync(user.PersonIdOrThrow(), id, ct);
        return CodeImages.Png(http, enterprises.Png(code), code.ExpiresAt, payload: code.Payload);
    }

    /// <summary>出示企业码（SVG）</summary>
    /// <remarks>同出示企业码，SVG 图片。</remarks>
    internal static async Task<FileContentHttpResult> CodeSvg(long id, ClaimsPrincipal user, EnterpriseCodeService enterprises, HttpContext http, CancellationToken ct)
    {
        var code = await enterprises.ShowCodeAsync(user.PersonIdOrThrow(), id, ct);
        return CodeImages.Svg(http, enterprises.Svg(code), code.ExpiresAt, payload: code.Payload);
    }
}
