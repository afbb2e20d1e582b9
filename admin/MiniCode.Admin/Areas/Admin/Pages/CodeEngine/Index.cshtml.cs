using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Cluster;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeEngine;

/// <summary>码分类管理: the built-in categories (renamable) and staff-defined ones (third-party codes), with search.</summary>
[RequirePermission(Permissions.CodeEngine)]
[PlatformWide("code categories are one list for the whole platform")]
public sealed partial class IndexModel(MiniCodeDbContext db, TimeProvider time, IClusterSignals signals) : AdminPageModel
{
    [GeneratedRegex("^[a-z][a-z0-9_-]{1,29}$")] private static partial Regex CodePattern();

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<CodeCategory> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? code, string? name, string? description, string? prefix, CancellationToken ct)
    {
        code = code?.Trim().ToLowerInvariant();
        prefix = prefix?.Trim().ToUpperInvariant();
        var validator = new InputValidator().Check(code is not null && CodePattern().IsMatch(code), "code", "分类编码应为小写字母开头的 2–30 位字母、数字、_ 或 -")
            .Required(name, "name", "分类名称", 40).Optional(description, "description", "说明", 200)
            .Check(prefix is { Length: >= 1 and <= 8 } && prefix.All(CheckCharacters.IsAllowed), "prefix", "码编号前缀应为 1–8 位大写字母或数字");
        if (validator.IsValid && await db.Set<CodeCategory>().AnyAsync(c => c.Code == code, ct)) validator.Add("code", "该分类编码已存在");
        if (!Accept(validator)) { await LoadAsync(ct); return Page(); }
        var now = time.GetUtcNow();
        var category = new CodeCategory { Code = code!, Name = name!.Trim(), Description = Blank(description), CreatedAt = now };
        db.Add(category);
        db.Add(new CodeNumberRule { Category = code!, Prefix = prefix!, IncludeRegion = false, SequenceWidth = 8, UpdatedAt = now });
        await Audit.RecordKeyedAsync("code_category.create", "code_category", code!, null, category.Snapshot(), ct);
        await signals.PublishAsync(CodeNumberService.RulesTopic, code!, ct);
        Flash($"已添加码分类“{category.Name}”");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync(string code, string? name, string? description, CancellationToken ct)
    {
        var category = await db.Set<CodeCategory>().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (category is null) return NotFound();
        if (!Accept(new InputValidator().Required(name, "name", "分类名称", 40).Optional(description, "description", "说明", 200))) { await LoadAsync(ct); return Page(); }
        var before = category.Snapshot();
        category.Name = name!.Trim();
        category.Description = Blank(description);
        await Audit.RecordKeyedAsync("code_category.update", "code_category", code, before, category.Snapshot(), ct);
        Flash("已保存");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code, CancellationToken ct)
    {
        var category = await db.Set<CodeCategory>().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (category is null) return NotFound();
        var validator = new InputValidator().Check(!category.BuiltIn, "code", "内置码分类不能删除")
            .Check(!await db.Set<CodeIssuer>().AnyAsync(i => i.Category == code, ct), "code", "该分类下还有第三方码发码方，不能删除")
            .Check(!await db.Set<CodeNumber>().AnyAsync(n => n.Category == code, ct), "code", "该分类已发放码编号，不能删除");
        if (!Accept(validator)) { await LoadAsync(ct); return Page(); }
        db.Remove(category);
        await Audit.RecordKeyedAsync("code_category.delete", "code_category", code, category.Snapshot(), null, ct);
        await signals.PublishAsync(CodeNumberService.RulesTopic, code, ct);
        Flash($"已删除码分类“{category.Name}”");
        return RedirectToPage();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = db.Set<CodeCategory>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(c => c.Code.Contains(q) || c.Name.Contains(q) || (c.Description != null && c.Description.Contains(q)));
        }
        Categories = await query.OrderByDescending(c => c.BuiltIn).ThenBy(c => c.CreatedAt).ThenBy(c => c.Code).Take(500).ToListAsync(ct);
    }
}
