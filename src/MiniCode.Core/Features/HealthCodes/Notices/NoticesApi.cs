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

    private static async Task<Ok<NoticePage>> List(ClaimsPrincipal user, NoticeService notices, long? before, int? take, CancellationToken ct) =>
        TypedResults.Ok(await notices.ListAsync(user.PersonIdOrThrow(), before, take ?? 20, ct));

    private static async Task<Ok<UnreadCount>> Unread(ClaimsPrincipal user, NoticeService notices, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await notices.UnreadCountAsync(user.PersonIdOrThrow(), ct)));

    private static async Task<NoContent> MarkRead(ClaimsPrincipal user, NoticeService notices, long id, CancellationToken ct)
    {
        await notices.MarkReadAsync(user.PersonIdOrThrow(), id, ct);
        return TypedResults.NoContent();
    }
}
