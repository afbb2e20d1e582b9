using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Enterprises;
using MiniCode.Features.People;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Admin.Areas.Admin.Pages.Enterprises;

/// <summary>
/// One enterprise and its bound staff (names masked), suspend (every code of its staff verifies as revoked) and resume,
/// both audited. An enterprise outside the jurisdiction is missing (404).
/// </summary>
[RequirePermission(Permissions.Enterprises)]
public sealed class DetailModel(TimeProvider time) : RegionalPageModel
{
    public sealed record StaffRow(string MaskedName, string MaskedIdNumber, string Role, DateTimeOffset BoundAt, DateTimeOffset? RemovedAt);

    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    public Enterprise Enterprise { get; private set; } = null!;
    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSuspendAsync(string? reason, CancellationToken ct)
    {
        var enterprise = await Within.Enterprises.SingleOrDefaultAsync(e => e.Id == Id, ct);
        if (enterprise is null) return NotFound();
        if (!Accept(new InputValidator().Required(reason?.Trim(), "reason", "暂停原因", 200)))
        {
            await LoadAsync(ct);
            return Page();
        }
        (enterprise.Status, enterprise.SuspendedAt, enterprise.SuspendedReason) = (EnterpriseStatus.Suspended, time.GetUtcNow(), reason!.Trim());
        await Audit.RecordAsync("enterprise.suspend", "enterprise", Id, new { Status = "Active" }, new { Status = "Suspended", Reason = enterprise.SuspendedReason }, ct);
        Flash($"企业“{enterprise.Name}”的企业码已暂停");
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostResumeAsync(CancellationToken ct)
    {
        var enterprise = await Within.Enterprises.SingleOrDefaultAsync(e => e.Id == Id, ct);
        if (enterprise is null) return NotFound();
        var before = new { Status = enterprise.Status.ToString(), Reason = enterprise.SuspendedReason };
        (enterprise.Status, enterprise.SuspendedAt, enterprise.SuspendedReason) = (EnterpriseStatus.Active, null, null);
        await Audit.RecordAsync("enterprise.resume", "enterprise", Id, before, new { Status = "Active" }, ct);
        Flash($"企业“{enterprise.Name}”的企业码已恢复");
        return RedirectToPage(new { Id });
    }

    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var enterprise = await Within.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == Id, ct);
        if (enterprise is null) return false;
        Enterprise = enterprise;
        var bindings = await Within.EnterpriseBindings.AsNoTracking().Where(b => b.EnterpriseId == Id).OrderBy(b => b.RemovedAt != null).ThenBy(b => b.Id).Take(1000).ToListAsync(ct);
        var ids = bindings.Select(b => b.PersonId).Distinct().ToList();
        var people = await AcrossAllRegions<Person>("masked names of the enterprise's bound staff, who may live in any region").AsNoTracking()
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Name, p.DocumentMasked), ct);
        Staff = bindings.Select(b => new StaffRow(SensitiveDataMasker.MaskName(people.GetValueOrDefault(b.PersonId).Name), people.GetValueOrDefault(b.PersonId).DocumentMasked ?? "",
            EnterpriseService.RoleLabel(b.Role), b.BoundAt, b.RemovedAt)).ToList();
        return true;
    }
}
