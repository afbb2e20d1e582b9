using System.Security.Claims;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.HealthCodes.Appeals;

/// <summary>The citizen's side of 纠错 under <c>/api/me</c>; staff act through <see cref="AppealService"/> / <see cref="OverrideService"/> in the admin.</summary>
public static class AppealsApi
{
    public static RouteGroupBuilder MapAppealsApi(this RouteGroupBuilder me)
    {
        me.MapPost("/appeals", File).ProducesErrors(CommonErrors.ValidationFailed);
        me.MapGet("/appeals", Mine);
        return me;
    }

    /// <summary>提交码色申诉</summary>
    /// <remarks>对当前码色有异议时提交申诉（文字，可附 JPEG/PNG/PDF，至多 <c>MiniCode:HealthCodes:MaxAppealAttachmentBytes</c> 字节）；工作人员审核后结果通过消息通知。</remarks>
    internal static async Task<Created<AppealView>> File(ClaimsPrincipal user, AppealRequest body, AppealService appeals, CancellationToken ct)
    {
        var view = await appeals.FileAsync(user.PersonIdOrThrow(), user.AccountId(), body, ct);
        return TypedResults.Created($"/api/me/appeals/{view.Id}", view);
    }

    /// <summary>我的申诉</summary>
    /// <remarks>本人提交的申诉及其状态、处理结果，新的在前。</remarks>
    internal static async Task<Ok<IReadOnlyList<AppealView>>> Mine(ClaimsPrincipal user, AppealService appeals, CancellationToken ct) =>
        TypedResults.Ok(await appeals.ListMineAsync(user.PersonIdOrThrow(), ct));
}
