using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Organisations;

[RequirePermission(Permissions.Organisations)]
public sealed class CreateModel(TimeProvider time) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public long? ParentId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Remarks { get; set; }
    public IReadOnlyList<Organisation> Parents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Parents = await LoadParentsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Parents = await LoadParentsAsync(ct);
        var parent = Parents.FirstOrDefault(p => p.Id == ParentId);
        var region = RegionCode?.Trim();
        var validator = new InputValidator().Required(Name?.Trim(), nameof(Name), "机构名称", 100)
            .Check(RegionCodes.IsValid(region), nameof(RegionCode), "地区编码应为6位数字")
            .Check(ParentId is null || parent is not null, nameof(ParentId), Jurisdiction is null ? "上级机构不存在" : $"上级机构不存在或不在本辖区（{Jurisdiction}）内")
            .Optional(Address, nameof(Address), "地址", 200).Optional(Remarks, nameof(Remarks), "备注", 500);
        if (parent is not null && RegionCodes.IsValid(region))
            validator.Check(RegionCodes.Covers(parent.RegionCode, region!), nameof(RegionCode), "地区编码必须在上级机构的辖区内");
        if (!Accept(CheckInside(validator, region, nameof(RegionCode), "地区编码"))) return Page();

        var org = new Organisation
        {
            ParentId = parent?.Id, Name = Name!.Trim(), RegionCode = region!, Address = Blank(Address), Remarks = Blank(Remarks), CreatedAt = time.GetUtcNow(),
        };
        Db.Add(org);
        await Audit.RecordCreatedAsync("organisation.create", "organisation", org, o => o.Id, new { org.Name, org.RegionCode, org.ParentId, org.Address, org.Remarks }, ct);
        Flash($"机构“{org.Name}”已添加");
        return Redirect("/admin/organisations");
    }

    /// <summary>The possible parents: the organisations of the jurisdiction (a parent outside it reads as missing).</summary>
    private Task<List<Organisation>> LoadParentsAsync(CancellationToken ct) =>
        Within.Organisations.AsNoTracking().OrderBy(o => o.RegionCode).ThenBy(o => o.Name).ToListAsync(ct);

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
