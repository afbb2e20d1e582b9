using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Errands;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Errands;

/// <summary>
/// 授权事项: the matters citizens may authorise someone for, set for a region within the staff member's jurisdiction.
/// A matter already used by an authorisation cannot be deleted (what was granted keeps its matter); it can be disabled.
/// </summary>
[RequirePermission(Permissions.Errands)]
public sealed class IndexModel : RegionalPageModel
{
    public IReadOnlyList<ErrandMatter> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await Within.ErrandMatters.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id).Take(500).ToListAsync(ct);

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var item = await Within.ErrandMatters.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (item is null) return NotFound();
        // Any authorisation counts, also one granted while the matter belonged to a region outside the jurisdiction.
        if (await AcrossAllRegions<ErrandAuthorisation>("whether any authorisation uses the matter").AnyAsync(a => a.MatterId == id, ct))
        {
            Flash("该事项已有授权记录，不能删除，可改为停用");
            return RedirectToPage();
        }
        Db.Remove(item);
        await Audit.RecordAsync("errand_matter.delete", "errand_matter", id, item.Snapshot(), ct: ct);
        Flash("授权事项已删除");
        return RedirectToPage();
    }
}
