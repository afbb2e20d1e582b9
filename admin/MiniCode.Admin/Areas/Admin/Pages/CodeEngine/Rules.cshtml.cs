using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Cluster;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeEngine;

/// <summary>码规则管理: the numbering rule of each category, with a sample number; and the search of assigned numbers.</summary>
[RequirePermission(Permissions.CodeEngine)]
[PlatformWide("numbering rules are one per category for the whole platform; the number search shows no personal data")]
public sealed class RulesModel(MiniCodeDbContext db, TimeProvider time, IClusterSignals signals) : AdminPageModel
{
    public sealed record Row(CodeCategory Category, CodeNumberRule? Rule);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    public CodeNumber? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string category, string? prefix, bool includeRegion, NumberDatePart datePart, int sequenceWidth,
        CheckAlgorithm check, CancellationToken ct)
    {
        if (!await db.Set<CodeCategory>().AnyAsync(c => c.Code == category, ct)) return NotFound();
        prefix = prefix?.Trim().ToUpperInvariant();
        var validator = new InputValidator()
            .Check(prefix is { Length: >= 1 and <= 8 } && prefix.All(CheckCharacters.IsAllowed), "prefix", "前缀应为 1–8 位大写字母或数字")
            .Check(Enum.IsDefined(datePart), "datePart", "日期部分无效")
            .Check(sequenceWidth is >= 4 and <= 12, "sequenceWidth", "流水号位数应为 4–12")
            .Check(Enum.IsDefined(check), "check", "校验算法无效");
        if (!Accept(validator)) { await LoadAsync(ct); return Page(); }
        var rule = await db.Set<CodeNumberRule>().FirstOrDefaultAsync(r => r.Category == category, ct);
        var before = rule?.Snapshot();
        if (rule is null) db.Add(rule = new CodeNumberRule { Category = category });
        rule.Prefix = prefix!;
        rule.IncludeRegion = includeRegion;
        rule.DatePart = datePart;
        rule.SequenceWidth = sequenceWidth;
        rule.Check = check;
        rule.UpdatedAt = time.GetUtcNow();
        await Audit.RecordKeyedAsync("code_rule.update", "code_number_rule", category, before, rule.Snapshot(), ct);
        await signals.PublishAsync(CodeNumberService.RulesTopic, category, ct);
        Flash("码规则已保存，新发放的码编号按新规则生成；已发放的编号不变");
        return RedirectToPage();
    }

    /// <summary>What the rule makes for a subject of region 110105 issued today, sequence 1.</summary>
    public string Sample(CodeNumberRule rule) => CodeNumberService.Compose(rule, "110105", DateOnly.FromDateTime(time.GetLocalNow().DateTime), 1);

    private async Task LoadAsync(CancellationToken ct)
    {
        var categories = await db.Set<CodeCategory>().AsNoTracking().OrderByDescending(c => c.BuiltIn).ThenBy(c => c.CreatedAt).ThenBy(c => c.Code).ToListAsync(ct);
        var rules = await db.Set<CodeNumberRule>().AsNoTracking().ToDictionaryAsync(r => r.Category, ct);
        Rows = categories.Select(c => new Row(c, rules.GetValueOrDefault(c.Code))).ToList();
        if (!string.IsNullOrWhiteSpace(Number))
        {
            var number = Number.Trim().ToUpperInvariant();
            Found = await db.Set<CodeNumber>().AsNoTracking().FirstOrDefaultAsync(n => n.Number == number, ct);
        }
    }
}
