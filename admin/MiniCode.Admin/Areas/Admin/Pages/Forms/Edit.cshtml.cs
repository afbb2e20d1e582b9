using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Forms;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Forms;

/// <summary>One form's fields and state; a form outside the staff member's jurisdiction answers 404 on every handler.</summary>
[RequirePermission(Permissions.Forms)]
public sealed partial class EditModel : RegionalPageModel
{
    public CustomForm Form { get; private set; } = null!;

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]{0,39}$")]
    private static partial Regex KeyPattern();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddFieldAsync(long id, string? key, string? label, FormFieldType type, bool required, string? options, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        key = key?.Trim();
        var field = new FormField { FormId = id, Key = key ?? "", Label = label?.Trim() ?? "", Type = type, Required = required, Options = Pages.Organisations.CreateModel.Blank(options?.Replace("\r", "", StringComparison.Ordinal)) };
        var isChoice = type is FormFieldType.SingleChoice or FormFieldType.MultiChoice;
        var validator = new InputValidator().Check(key is not null && KeyPattern().IsMatch(key), "key", "字段标识应以小写字母开头，只含字母、数字和下划线")
            .Check(Form.Fields.All(f => f.Key != key), "key", "字段标识已存在").Required(field.Label, "label", "名称", 100)
            .Check(Enum.IsDefined(type), "type", "类型无效").Optional(options, "options", "选项", 2000)
            .Check(!isChoice || field.Choices().Count >= 2, "options", "单选/多选至少需要两个选项")
            .Check(isChoice || field.Options is null, "options", "只有单选/多选字段可以填写选项");
        if (!Accept(validator)) return Page();
        field.SortOrder = Form.Fields.Count == 0 ? 1 : Form.Fields.Max(f => f.SortOrder) + 1;
        var before = Form.Fields.Select(f => f.Key).ToList();
        Form.Fields.Add(field);
        await Audit.RecordAsync("form.field_add", "custom_form", id, before,
            new { field.Key, field.Label, Type = field.Type.ToString(), field.Required, field.Options }, ct);
        Flash($"字段“{field.Label}”已添加");
        return Redirect($"/admin/forms/edit?id={id}");
    }

    public async Task<IActionResult> OnPostDeleteFieldAsync(long id, long fieldId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var field = Form.Fields.FirstOrDefault(f => f.Id == fieldId);
        if (field is null) return NotFound();
        Db.Remove(field);
        await Audit.RecordAsync("form.field_delete", "custom_form", id,
            new { field.Key, field.Label, Type = field.Type.ToString(), field.Required, field.Options }, ct: ct);
        Flash($"字段“{field.Label}”已删除");
        return Redirect($"/admin/forms/edit?id={id}");
    }

    public async Task<IActionResult> OnPostToggleActiveAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Form.Active = !Form.Active;
        await Audit.RecordAsync("form.update", "custom_form", id, new { Active = !Form.Active }, new { Form.Active }, ct);
        return Redirect($"/admin/forms/edit?id={id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var form = await Within.Forms.Include(f => f.Fields).SingleOrDefaultAsync(f => f.Id == id, ct);
        if (form is null) return false;
        Form = form;
        return true;
    }
}
