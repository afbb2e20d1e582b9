using System.Security.Claims;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.DigitalSpace;

/// <summary>数字空间 under <c>/api/me/tags</c>: the caller's own person's tags and their objections (纠错/异议).</summary>
public static class DigitalSpaceApi
{
    public static IEndpointRouteBuilder MapDigitalSpaceApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/me/tags").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("DigitalSpace")
            .ProducesErrors(SessionErrors.Challenge, SessionErrors.RealNameRequired);
        g.MapGet("", List);
        g.MapGet("/{id:long}/objection", GetObjection).ProducesErrors(DigitalSpaceErrors.TagNotFound, DigitalSpaceErrors.ObjectionNotFound);
        g.MapPost("/{id:long}/objection", Object)
            .ProducesErrors(CommonErrors.ValidationFailed, DigitalSpaceErrors.TagNotFound, DigitalSpaceErrors.ObjectionOpen, DigitalSpaceErrors.TagRemoved);
        return app;
    }

    /// <summary>我的数字空间标签</summary>
    /// <remarks>本人的标签：类型、数据来源、使用目的、法律依据（同意 consent 或法定职责、突发公共卫生事件等及其文号）、贴标时间、到期时间（按标签类型的保存期限删除）和最近一次异议。异议成立后标签标为已删除（<c>removed</c>），保留至清理任务删除，以便查看处理结果。撤回数字空间同意（<c>digital_space</c>）后，以同意为依据的标签即被删除。</remarks>
    internal static async Task<Ok<IReadOnlyList<TagView>>> List(ClaimsPrincipal user, TagSpace space, CancellationToken ct) =>
        TypedResults.Ok(await space.ListAsync(user.PersonIdOrThrow(), ct));

    /// <summary>标签异议处理结果</summary>
    /// <remarks>该标签最近一次异议：待处理 open、属实 upheld（标签已删除）、驳回 rejected，及工作人员答复。不是本人的标签与不存在的一样答 404。</remarks>
    internal static async Task<Ok<ObjectionView>> GetObjection(long id, ClaimsPrincipal user, TagSpace space, CancellationToken ct) =>
        TypedResults.Ok(await space.ObjectionAsync(user.PersonIdOrThrow(), id, ct));

    /// <summary>对标签提出异议（纠错）</summary>
    /// <remarks>理由 1 至 <c>MiniCode:DigitalSpace:MaxTextLength</c> 字。每个标签同时只能有一条待处理的异议（409 <c>digitalspace.objection_open</c>）；已删除的标签不能再提（409）。由标签对象所在辖区的工作人员审核。</remarks>
    internal static async Task<Created<ObjectionView>> Object(long id, ObjectionRequest body, ClaimsPrincipal user, TagSpace space, CancellationToken ct)
    {
        var view = await space.ObjectAsync(user.PersonIdOrThrow(), user.AccountId(), id, body.Reason!, ct);
        return TypedResults.Created($"/api/me/tags/{id}/objection", view);
    }
}
