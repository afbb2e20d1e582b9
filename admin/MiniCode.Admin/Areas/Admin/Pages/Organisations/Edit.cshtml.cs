using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Organisations;

/// <summary>
/// 编辑机构: name, address and remarks of an organisation within the jurisdiction; deleting it is refused while
/// sub-organisations, sites or staff remain (000 §三). The region code stays: the jurisdiction of everything below
/// hangs on it.
/// </summary>
[RequirePermission(Permissions.Organisations)]
public sealed class EditModel : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Remarks { get; set; }
    public Organisation? Org { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Org = await FindAsync(ct);
        if (Org is null) return NotFound();
        (Name, Address, Remarks) = (Org.Name, Org.Address, Org.Remarks);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Org = await FindAsync(ct);
        if (Org is null) return NotFound();
        var validator = new InputValidator().Required(Name?.Trim(), nameof(Name), "机构名称", 100)
            .Optional(Address, nameof(Address), "地址", 200).Optional(Remarks, nameof(Remarks), "备注", 500);
        if (!Accept(validator)) return Page();
        var before = new { Org.Name, Org.Address, Org.Remarks };
        (Org.Name, Org.Address, Org.Remarks) = (Name!.Trim(), CreateModel.Blank(Address), CreateModel.Blank(Remarks));
        await Audit.RecordAsync("organisation.update", "organisation", Org.Id, before, new { Org.Name, Org.Address, Org.Remarks }, ct);
        Flash($"机构“{Org.Name}”已保存");
        return Redirect("/admin/organisations");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        Org = await FindAsync(ct);
        if (Org is null) return NotFound();
        var id = Org.Id;
        // Every dependant counts, wherever its region: none may be left without its organisation.
        const string why = "dependants of an organisation being deleted";
        var children = await AcrossAllRegions<Organisation>(why).CountAsync(o => o.ParentId == id, ct);
        var sites = await AcrossAllRegions<Site>(why).CountAsync(s => s.OrganisationId == id, ct);
        var staff = await AcrossAllRegions<StaffMember>(why).CountAsync(s => s.OrganisationId == id, ct);
        if (children + sites + staff > 0)
        {
            ModelState.AddModelError("", $"机构“{Org.Name}”下还有 {children} 个下级机构、{sites} 个场所、{staff} 名人员，不能删除");
            (Name, Address, Remarks) = (Org.Name, Org.Address, Org.Remarks);
            return Page();
        }
        Db.Remove(Org);
        await Audit.RecordAsync("organisation.delete", "organisation", id, new { Org.Name, Org.RegionCode, Org.ParentId }, ct: ct);
        Flash($"机构“{Org.Name}”已删除");
        return Redirect("/admin/organisations");
    }

    /// <summary>The organisation, when it lies within the jurisdiction (outside reads as missing).</summary>
    private Task<Organisation?> FindAsync(CancellationToken ct) => Within.Organisations.SingleOrDefaultAsync(o => o.Id == Id, ct);
}
