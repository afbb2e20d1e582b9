using MiniCode.Admin.Security;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Roles;

/// <summary>Every role (roles are shared by all organisations) with how many staff of the jurisdiction hold it.</summary>
[RequirePermission(Permissions.Roles)]
public sealed class IndexModel : RegionalPageModel
{
    public sealed record Row(StaffRole Role, int StaffCount);
    public IReadOnlyList<Row> Roles { get; private set; } = [];
    /// <summary>Regional staff see the roles but cannot change them (they are global).</summary>
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = await Db.Set<StaffRole>().AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        var counts = await Within.Staff.GroupBy(s => s.RoleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Roles = roles.Select(r => new Row(r, counts.GetValueOrDefault(r.Id))).ToList();
        CanEdit = RoleEditing.Allowed(Jurisdiction);
    }
}
