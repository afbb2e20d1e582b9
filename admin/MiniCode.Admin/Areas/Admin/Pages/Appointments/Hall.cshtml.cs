using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Appointments;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Appointments;

/// <summary>A hall (预约大厅) within the jurisdiction: name, address, region, opening hours and the matters it handles.</summary>
[RequirePermission(Permissions.Appointments)]
public sealed class HallModel(TimeProvider time) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? OpeningHours { get; set; }
    [BindProperty] public bool Active { get; set; } = true;
    [BindProperty] public List<long> MatterIds { get; set; } = [];
    public IReadOnlyList<AppointmentMatter> Matters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Matters = await MattersAsync(ct);
        if (Id is null)
        {
            RegionCode = Jurisdiction;
            return Page();
        }
        var hall = await Within.AppointmentHalls.AsNoTracking().Include(h => h.Matters).SingleOrDefaultAsync(h => h.Id == Id, ct);
        if (hall is null) return NotFound();
        (Name, Address, RegionCode, OpeningHours, Active, MatterIds) = (hall.Name, hall.Address, hall.RegionCode, hall.OpeningHours, hall.Active, hall.Matters.Select(m => m.MatterId).ToList());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Matters = await MattersAsync(ct);
        var hall = Id is null ? new AppointmentHall { CreatedAt = time.GetUtcNow() }
            : await Within.AppointmentHalls.Include(h => h.Matters).SingleOrDefaultAsync(h => h.Id == Id, ct);
        if (hall is null) return NotFound();
        var validator = new InputValidator().Required(Name?.Trim(), nameof(Name), "大厅名称", 50).Required(Address?.Trim(), nameof(Address), "地址", 200)
            .Required(OpeningHours?.Trim(), nameof(OpeningHours), "开放时间", 100)
            .Check(RegionCodes.IsValid(RegionCode), nameof(RegionCode), "地区编码应为6位数字")
            .Check(MatterIds.All(id => Matters.Any(m => m.Id == id)), nameof(MatterIds), "办理事项不存在");
        if (!Accept(CheckInside(validator, RegionCode, nameof(RegionCode)))) return Page();

        var before = Id is null ? null : Snapshot(hall);
        (hall.Name, hall.Address, hall.RegionCode, hall.OpeningHours, hall.Active) = (Name!.Trim(), Address!.Trim(), RegionCode!, OpeningHours!.Trim(), Active);
        hall.Matters.RemoveAll(m => !MatterIds.Contains(m.MatterId));
        foreach (var id in MatterIds.Distinct().Where(id => hall.Matters.All(m => m.MatterId != id))) hall.Matters.Add(new AppointmentHallMatter { MatterId = id });
        if (Id is null)
        {
            Db.Add(hall);
            await Audit.RecordCreatedAsync("appointment.hall_create", "appointment_hall", hall, h => h.Id, Snapshot(hall), ct);
        }
        else await Audit.RecordAsync("appointment.hall_update", "appointment_hall", hall.Id, before, Snapshot(hall), ct);
        Flash($"预约大厅“{hall.Name}”已保存");
        return Redirect("/admin/appointments");
    }

    private static object Snapshot(AppointmentHall h) =>
        new { h.Name, h.Address, h.RegionCode, h.OpeningHours, h.Active, Matters = h.Matters.Select(m => m.MatterId).Order().ToList() };

    private Task<List<AppointmentMatter>> MattersAsync(CancellationToken ct) =>
        Db.Set<AppointmentMatter>().AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(ct);
}
