using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Licences;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Licences;

[RequirePermission(Permissions.Licences)]
[PlatformWide("licence types are offered to the citizens of every region; the counts are of bindings, no personal data")]
public sealed class IndexModel(MiniCodeDbContext db, TimeProvider time) : AdminPageModel
{
    public IReadOnlyList<LicenceType> Types { get; private set; } = [];
    private Dictionary<long, int> _bound = [];

    public int BoundCount(long typeId) => _bound.GetValueOrDefault(typeId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Types = await db.Set<LicenceType>().AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        _bound = await db.Set<LicenceBinding>().Where(b => b.UnboundAt == null).GroupBy(b => b.LicenceTypeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    /// <summary>Disabling stops new bindings; what is bound stays and can still be shown.</summary>
    public async Task<IActionResult> OnPostToggleAsync(long id, CancellationToken ct)
    {
        var type = await db.Set<LicenceType>().FindAsync([id], ct);
        if (type is null) return NotFound();
        var before = type.Snapshot();
        type.Enabled = !type.Enabled;
        type.UpdatedAt = time.GetUtcNow();
        await Audit.RecordAsync(type.Enabled ? "licences.type_enable" : "licences.type_disable", "licence_type", id, before, type.Snapshot(), ct);
        Flash($"证照类型“{type.Name}”已{(type.Enabled ? "启用" : "停用")}");
        return RedirectToPage();
    }
}
