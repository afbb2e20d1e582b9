using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Errands;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Errands;

/// <summary>Adding or changing one 授权事项; staff of an organisation edit only matters within their jurisdiction (404) and set only regions within it.</summary>
[RequirePermission(Permissions.Errands)]
public sealed class EditModel(TimeProvider time) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public int SortOrder { get; set; }
    [BindProperty] public bool Enabled { get; set; } = true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            RegionCode = Jurisdiction;
            return Page();
        }
        var m = await Within.ErrandMatters.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct);
        if (m is null) return NotFound();
        (Name, Description, RegionCode, SortOrder, Enabled) = (m.Name, m.Description, m.RegionCode, m.SortOrder, m.Enabled);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var validator = new InputValidator().Required(Name?.Trim(), nameof(Name), "事项名称", 50).Optional(Description?.Trim(), nameof(Description), "说明", 500)
            .Check(RegionCodes.IsValid(RegionCode), nameof(RegionCode), "地区编码应为6位数字")
            .Check(SortOrder is >= 0 and <= 9999, nameof(SortOrder), "排序应为0到9999");
        var item = Id is null ? new ErrandMatter { CreatedAt = time.GetUtcNow() } : await Within.ErrandMatters.SingleOrDefaultAsync(x => x.Id == Id, ct);
        if (item is null) return NotFound();
        if (!Accept(CheckInside(validator, RegionCode, nameof(RegionCode)))) return Page();

        var before = Id is null ? null : item.Snapshot();
        (item.Name, item.Description, item.RegionCode, item.SortOrder, item.Enabled) =
            (Name!.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), RegionCode!, SortOrder, Enabled);
        if (Id is null)
        {
            Db.Add(item);
            await Audit.RecordCreatedAsync("errand_matter.create", "errand_matter", item, m => m.Id, item.Snapshot(), ct);
        }
        else await Audit.RecordAsync("errand_matter.update", "errand_matter", item.Id, before, item.Snapshot(), ct);
        Flash("授权事项已保存");
        return Redirect("/admin/errands");
    }
}
