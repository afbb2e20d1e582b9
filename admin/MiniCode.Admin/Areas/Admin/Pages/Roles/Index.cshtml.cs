using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Roles;

[RequirePermission(Permissions.Roles)]
public sealed class IndexModel(MiniCodeDbContext db) : AdminPageModel
{
    public sealed record Row(StaffRole Role, int StaffCount);
    public IReadOnlyList<Row> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = await db.Set<StaffRole>().AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        var counts = await db.Set<StaffMember>().GroupBy(s => s.RoleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Roles = roles.Select(r => new Row(r, counts.GetValueOrDefault(r.Id))).ToList();
    }
}
