using MiniCode.Admin.Security;
using MiniCode.Features.Appointments;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Appointments;

/// <summary>码上预约: the halls within the staff member's jurisdiction, with links to their slots and bookings.</summary>
[RequirePermission(Permissions.Appointments)]
public sealed class IndexModel : RegionalPageModel
{
    public IReadOnlyList<AppointmentHall> Halls { get; private set; } = [];
    public IReadOnlyDictionary<long, string> MatterNames { get; private set; } = new Dictionary<long, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Halls = await Within.AppointmentHalls.AsNoTracking().Include(h => h.Matters).OrderBy(h => h.RegionCode).ThenBy(h => h.Name).Take(500).ToListAsync(ct);
        MatterNames = await Db.Set<AppointmentMatter>().AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
    }
}
