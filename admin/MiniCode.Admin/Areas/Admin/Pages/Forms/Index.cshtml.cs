using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Forms;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Forms;

/// <summary>
/// 表单管理: the forms of regions within the staff member's jurisdiction (all for staff without an organisation); a new
/// form's region must lie within it.
/// </summary>
[RequirePermission(Permissions.Forms)]
public sealed class IndexModel(TimeProvider time) : RegionalPageModel
{
    public sealed record Row(CustomForm Form, int Submissions);
    public IReadOnlyList<Row> Forms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? title, string? regionCode, string? description, CancellationToken ct)
    {
        var validator = new InputValidator().Required(title?.Trim(), "title", "表单名称", 100)
            .Check(RegionCodes.IsValid(regionCode), "regionCode", "地区编码应为6位数字").Optional(description, "description", "说明", 500);
        if (!Accept(CheckInside(validator, regionCode, "regionCode")))
        {
            await LoadAsync(ct);
            return Page();
        }
        var form = new CustomForm { Title = title!.Trim(), RegionCode = regionCode!, Description = Pages.Organisations.CreateModel.Blank(description), Active = true, CreatedAt = time.GetUtcNow() };
        Db.Add(form);
        await Audit.RecordCreatedAsync("form.create", "custom_form", form, f => f.Id, new { form.Title, form.RegionCode, form.Description }, ct);
        Flash($"表单“{form.Title}”已创建，请添加字段");
        return Redirect($"/admin/forms/edit?id={form.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var forms = await Within.Forms.AsNoTracking().Include(f => f.Fields).OrderByDescending(f => f.Id).ToListAsync(ct);
        var ids = forms.Select(f => f.Id).ToList();
        var counts = await Within.FormSubmissions.Where(s => ids.Contains(s.FormId)).GroupBy(s => s.FormId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Forms = forms.Select(f => new Row(f, counts.GetValueOrDefault(f.Id))).ToList();
    }
}
