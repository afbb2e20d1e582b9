using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Scanners;

/// <summary>
/// Staff create the senior scanner of a site, the top of a 码上行动 line; everyone below is created in the inspector app.
/// The checkpoints feature validates, stores and audits it. Staff of an organisation choose only among the sites of
/// their jurisdiction; a site outside it is refused before anything is written.
/// </summary>
[RequirePermission(Permissions.Staff)]
public sealed class CreateModel(ScannerDirectory scanners) : RegionalPageModel
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
        if (SiteId is { } siteId && await OutsideJurisdictionAsync(siteId, ct))
        {
            ModelState.AddModelError(nameof(SiteId), $"所选站点不在本辖区（{Jurisdiction}）内，不能为其添加扫码员");
            return Page();
        }
        try
        {
            var created = await scanners.CreateSeniorAsync(new NewScannerRequest(SiteId, IdNumber, Name, Phone, Password, ScannerRole.Senior, Remarks),
                Current.Actor, ct);
            Flash($"高级扫码员“{created.Name}”已添加（{created.Phone}）");
            return Redirect($"/admin/scanners/detail?id={created.AccountId}");
        }
        catch (ApiException ex)
        {
            Refused(ex);
            return Page();
        }
    }

    private Task<List<Site>> LoadAsync(CancellationToken ct) =>
        Within.Sites.AsNoTracking()
            .Where(s => s.Status == SiteStatus.Active).OrderBy(s => s.RegionCode).ThenBy(s => s.Name).ToListAsync(ct);

    /// <summary>
    /// True when staff of an organisation chose a site outside their jurisdiction, or one that does not exist: the same
    /// refusal for both, so the form does not reveal which sites exist elsewhere. Unscoped staff get the directory's message.
    /// </summary>
    private async Task<bool> OutsideJurisdictionAsync(long siteId, CancellationToken ct) =>
        Jurisdiction is not null && !await Within.Sites.AnyAsync(s => s.Id == siteId, ct);
}
