using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Scanners;

/// <summary>
/// Staff create the senior scanner of a site, the top of a 码上行动 line; everyone below is created in the inspector app.
/// The checkpoints feature validates, stores and audits it.
/// </summary>
[RequirePermission(Permissions.Staff)]
public sealed class CreateModel(MiniCodeDbContext db, ScannerDirectory scanners, CurrentStaff current) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public long? SiteId { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Remarks { get; set; }
    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sites = await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Sites = await LoadAsync(ct);
        try
        {
            var created = await scanners.CreateSeniorAsync(new NewScannerRequest(SiteId, IdNumber, Name, Phone, Password, ScannerRole.Senior, Remarks),
                current.Actor, ct);
            Flash($"高级扫码员“{created.Name}”已添加（{created.Phone}）");
            return Redirect("/admin/sites");
        }
        catch (ApiException ex)
        {
            if (ex.Extensions?.GetValueOrDefault("errors") is Dictionary<string, string[]> errors)
                foreach (var (field, messages) in errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            else ModelState.AddModelError("", ex.Detail ?? ex.Error.Message);
            return Page();
        }
    }

    private Task<List<Site>> LoadAsync(CancellationToken ct) =>
        db.Set<Site>().AsNoTracking().Where(s => s.Status == SiteStatus.Active).OrderBy(s => s.RegionCode).ThenBy(s => s.Name).ToListAsync(ct);
}
