using MiniCode.Infrastructure.Errors;
using MiniCode.Data;

namespace MiniCode.Features.HealthCodes.Notices;

public sealed record NoticeView(long Id, string Kind, string Title, string Body, DateTimeOffset CreatedAt, bool Read);

public sealed record NoticePage(IReadOnlyList<NoticeView> Items, int UnreadCount);

/// <summary>The in-app inbox of one person: list (newest first), unread count, mark read.</summary>
public sealed class NoticeService(MiniCodeDbContext db, TimeProvider time)
{
    public const int MaxPageSize = 100;

    public async Task<NoticePage> ListAsync(long personId, long? before, int take, CancellationToken ct)
    {
        var query = db.Set<Notice>().AsNoTracking().Where(n => n.PersonId == personId);
        if (before is { } b) query = query.Where(n => n.Id < b);
        var items = await query.OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(n => new NoticeView(n.Id, n.Kind, n.Title, n.Body, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);
        return new NoticePage(items, await UnreadCountAsync(personId, ct));
    }

    public Task<int> UnreadCountAsync(long personId, CancellationToken ct) =>
        db.Set<Notice>().CountAsync(n => n.PersonId == personId && n.ReadAt == null, ct);

    public async Task MarkReadAsync(long personId, long noticeId, CancellationToken ct)
    {
        // Another person's notice is reported as missing, never as forbidden.
        var notice = await db.Set<Notice>().FirstOrDefaultAsync(n => n.Id == noticeId && n.PersonId == personId, ct)
            ?? throw new ApiException(HealthCodeErrors.NoticeNotFound);
        notice.ReadAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
