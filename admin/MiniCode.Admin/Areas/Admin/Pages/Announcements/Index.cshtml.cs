using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Announcements;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Announcements;

/// <summary>
/// 资讯管理: announcements set for a region within the staff member's jurisdiction (all for staff without an organisation);
/// one outside cannot be deleted (404). A province-wide item is within the province, not within its cities.
/// </summary>
[RequirePermission(Permissions.Announcements)]
public sealed class IndexModel(TimeProvider time) : RegionalPageModel
{
    public IReadOnlyList<Announcement> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await Within.Announcements.AsNoTracking().OrderByDescending(a => a.PublishFrom).Take(200).ToListAsync(ct);

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var item = await Within.Announcements.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (item is null) return NotFound();
        Db.Remove(item);
        await Audit.RecordAsync("announcement.delete", "announcement", id, item.Snapshot(), ct: ct);
        Flash("资讯已删除");
        return RedirectToPage();
    }

    public string StateOf(Announcement a)
    {
        var now = time.GetUtcNow();
        return a.PublishFrom > now ? "待发布" : a.PublishUntil is { } until && until <= now ? "已下线" : "发布中";
    }

    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm");
}
