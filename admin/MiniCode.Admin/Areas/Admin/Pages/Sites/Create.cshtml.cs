using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Sites;

[RequirePermission(Permissions.Organisations)]
public sealed class CreateModel(TimeProvider time) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public long? OrganisationId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Remarks { get; set; }
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisations = await LoadAsync(ct);
        RegionCode ??= Organisations.FirstOrDefault(o => o.Id == OrganisationId)?.RegionCode;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Organisations = await LoadAsync(ct);
        var org = Organisations.FirstOrDefault(o => o.Id == OrganisationId);
        var region = RegionCode?.Trim();
        var validator = new InputValidator()
            .Check(org is not null, nameof(OrganisationId), OrganisationId is null ? "请选择所属机构" : "所属机构不存在或不在本辖区内")
            .Required(Name?.Trim(), nameof(Name), "场所名称", 100)
            .Check(RegionCodes.IsValid(region), nameof(RegionCode), "地区编码应为6位数字")
            .Optional(Address, nameof(Address), "地址", 200).Optional(Remarks, nameof(Remarks), "备注", 500);
        if (org is not null && RegionCodes.IsValid(region))
            validator.Check(RegionCodes.Covers(org.RegionCode, region!), nameof(RegionCode), "场所必须在所属机构的辖区内");
        if (!Accept(CheckInside(validator, region, nameof(RegionCode), "场所"))) return Page();

        var site = new Site
        {
            OrganisationId = org!.Id, Name = Name!.Trim(), RegionCode = region!, Address = Pages.Organisations.CreateModel.Blank(Address),
            Remarks = Pages.Organisations.CreateModel.Blank(Remarks), Status = SiteStatus.Active, CreatedAt = time.GetUtcNow(),
        };
        Db.Add(site);
        await Audit.RecordCreatedAsync("site.create", "site", site, s => s.Id, new { site.Name, site.OrganisationId, site.RegionCode, site.Address, site.Remarks }, ct);
        Flash($"场所“{site.Name}”已添加");
        return Redirect($"/admin/sites?organisationId={org.Id}");
    }

    /// <summary>The organisations of the jurisdiction: a site can only be added to one of them.</summary>
    private Task<List<Organisation>> LoadAsync(CancellationToken ct) =>
        Within.Organisations.AsNoTracking().OrderBy(o => o.RegionCode).ThenBy(o => o.Name).ToListAsync(ct);
}
