using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Appointments;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Appointments;

/// <summary>预约事项: the one list of matters citizens book; each hall picks the ones it handles.</summary>
[RequirePermission(Permissions.Appointments)]
[PlatformWide("预约事项 are one list for the whole platform; halls of each region choose from it")]
public sealed class MattersModel(MiniCodeDbContext db, TimeProvider time) : AdminPageModel
{
    public IReadOnlyList<AppointmentMatter> Matters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Matters = await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(long? id, string? name, string? description, int sortOrder, CancellationToken ct)
    {
        name = name?.Trim();
        var validator = new InputValidator().Required(name, "name", "事项名称", 50).Optional(description, "description", "说明", 500)
            .Check(name is null || !await db.Set<AppointmentMatter>().AnyAsync(m => m.Name == name && m.Id != id, ct), "name", "已有同名事项");
        var matter = id is { } existing ? await db.Set<AppointmentMatter>().FirstOrDefaultAsync(m => m.Id == existing, ct) : new AppointmentMatter { CreatedAt = time.GetUtcNow() };
        if (matter is null) return NotFound();
        if (!Accept(validator))
        {
            Matters = await LoadAsync(ct);
            return Page();
        }
        var before = id is null ? null : Snapshot(matter);
        (matter.Name, matter.Description, matter.SortOrder) = (name!, string.IsNullOrWhiteSpace(description) ? null : description.Trim(), sortOrder);
        if (id is null)
        {
            db.Add(matter);
            await Audit.RecordCreatedAsync("appointment.matter_create", "appointment_matter", matter, m => m.Id, Snapshot(matter), ct);
        }
        else await Audit.RecordAsync("appointment.matter_update", "appointment_matter", matter.Id, before, Snapshot(matter), ct);
        Flash($"预约事项“{matter.Name}”已保存");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(long id, CancellationToken ct)
    {
        var matter = await db.Set<AppointmentMatter>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (matter is null) return NotFound();
        matter.Active = !matter.Active;
        await Audit.RecordAsync(matter.Active ? "appointment.matter_enable" : "appointment.matter_disable", "appointment_matter", id, null, Snapshot(matter), ct);
        Flash($"预约事项“{matter.Name}”已{(matter.Active ? "启用" : "停用")}");
        return RedirectToPage();
    }

    private static object Snapshot(AppointmentMatter m) => new { m.Name, m.Description, m.SortOrder, m.Active };

    private Task<List<AppointmentMatter>> LoadAsync(CancellationToken ct) =>
        db.Set<AppointmentMatter>().AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(ct);
}
