using System.Security.Claims;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.HealthCodes.Notices;

/// <summary>消息通知 endpoints under the citizen group <c>/api/me</c>.</summary>
public static class NoticesApi
{
    public sealed record UnreadCount(int Count);

    public static RouteGroupBuilder MapNoticesApi(this RouteGroupBuilder me)
    {
        me.MapGet("/notices", List);
        me.MapGet("/notices/unread-count", Unread);
        me.MapPost("/notices/{id:long}/read", MarkRead).ProducesErrors(HealthCodeErrors.NoticeNotFound);
        return me;
    }

    /// <summary>消息中心</summary>
    /// <remarks>本人（及所持亲友）的通知，新的在前，按 <c>before</c>（上一页最后一条的 id）和 <c>take</c> 分页：码色变化、申报提醒、申诉结果、授权办事等。</remarks>
    internal static async Task<Ok<NoticePage>> List(ClaimsPrincipal user, NoticeService notices, long? before, int? take, CancellationToken ct) =>
        TypedResults.Ok(await notices.ListAsync(user.PersonIdOrThrow(), before, take ?? 20, ct));

    /// <summary>未读消息数</summary>
    /// <remarks>未读通知的数量，用于角标。</remarks>
    internal static async Task<Ok<UnreadCount>> Unread(ClaimsPrincipal user, NoticeService notices, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await notices.UnreadCountAsync(user.PersonIdOrThrow(), ct)));

    /// <summary>标记已读</summary>
    /// <remarks>把一条本人的通知标为已读；别人的通知为 404。</remarks>
    internal static async Task<NoContent> MarkRead(ClaimsPrincipal user, NoticeService notices, long id, CancellationToken ct)
    {
        await notices.MarkReadAsync(user.PersonIdOrThrow(), id, ct);
        return TypedResults.NoContent();
    }
}
