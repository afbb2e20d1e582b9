using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MiniCode.Admin.Security;
using MiniCode.Features.DigitalSpace;
using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.DigitalSpace;

/// <summary>
/// 数字空间 · 标签类型: the platform's catalogue of tag kinds (name, subject, source, purpose, legal basis, retention,
/// status, the code categories and applications whose verify answers may show the kind, an optional rule), searchable.
/// Viewing needs <see cref="Permissions.DigitalSpaceView"/>, changing <see cref="Permissions.DigitalSpaceEdit"/>; audited
/// <c>tag_kind.*</c>. The kinds are platform-wide; the applications offered are read across regions (names only).
/// </summary>
[RequirePermission(Permissions.DigitalSpaceView)]
public sealed class IndexModel(ICodeCategoryCatalog categories, IOptions<DigitalSpaceOptions> options, TimeProvider time) : RegionalPageModel
{
    public sealed class KindForm
    {
        public string? Name { get; set; }
        public TagSubjectKind SubjectKind { get; set; }
        public string? Source { get; set; }
        public string? Purpose { get; set; }
        public LegalBasisKind BasisKind { get; set; }
        public string? BasisReference { get; set; }
        public int RetentionDays { get; set; } = 180;
        public TagKindStatus Status { get; set; }
        public List<string> Categories { get; set; } = [];
        public List<long> Applications { get; set; } = [];
        public RiskKind? RuleRiskKind { get; set; }
    }

    [BindProperty] public KindForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public TagSubjectKind? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public TagKindStatus? Status { get; set; }

    public IReadOnlyList<TagKind> Kinds { get; private set; } = [];
    public IReadOnlyList<CodeCategoryInfo> Categories { get; private set; } = [];
    public IReadOnlyDictionary<long, string> Applications { get; private set; } = new Dictionary<long, string>();
    public IReadOnlyDictionary<long, int> TagCounts { get; private set; } = new Dictionary<long, int>();
    public bool MayEdit => Current.Has(Permissions.DigitalSpaceEdit);
    public int MaxRetentionDays => options.Value.MaxRetentionDays;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!MayEdit) return Forbid();
        if (!await ValidAsync(null, Form.SubjectKind, ct)) { await LoadAsync(ct); return Page(); }
        var now = time.GetUtcNow();
        var kind = new TagKind { CreatedAt = now, UpdatedAt = now };
        Apply(kind, creating: true);
        Db.Add(kind);
        await Audit.RecordCreatedAsync("tag_kind.create", "tag_kind", kind, k => k.Id, kind.Snapshot(), ct);
        Flash($"已新增标签类型“{kind.Name}”");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUpdateAsync(long id, CancellationToken ct)
    {
        if (!MayEdit) return Forbid();
        var kind = await Db.Set<TagKind>().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (kind is null) return NotFound();
        if (!await ValidAsync(id, kind.SubjectKind, ct)) { await LoadAsync(ct); return Page(); }
        var before = kind.Snapshot();
        Apply(kind, creating: false);
        kind.UpdatedAt = time.GetUtcNow();
        await Audit.RecordAsync("tag_kind.update", "tag_kind", id, before, kind.Snapshot(), ct);
        Flash($"已保存标签类型“{kind.Name}”");
        return RedirectToPage();
    }

    public string ApplicationNames(TagKind kind) =>
        string.Join("、", kind.Applications.Select(a => Applications.GetValueOrDefault(a, a.ToString(CultureInfo.InvariantCulture))));

    public string CategoryNames(TagKind kind) => string.Join("、", kind.Categories.Select(c => Categories.FirstOrDefault(x => x.Code == c)?.Name ?? c));

    private void Apply(TagKind kind, bool creating)
    {
        kind.Name = Form.Name!.Trim();
        if (creating) kind.SubjectKind = Form.SubjectKind; // tags already attached belong to that kind of subject
        kind.Source = Form.Source!.Trim();
        kind.Purpose = Form.Purpose!.Trim();
        kind.BasisKind = Form.BasisKind;
        kind.BasisReference = string.IsNullOrWhiteSpace(Form.BasisReference) ? null : Form.BasisReference.Trim();
        kind.RetentionDays = Form.RetentionDays;
        kind.Status = Form.Status;
        kind.LinkedCategories = string.Join(",", Form.Categories.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        kind.DisclosedToApplications = string.Join(",", Form.Applications.Distinct().Order());
        kind.RuleRiskKind = kind.SubjectKind == TagSubjectKind.Person ? Form.RuleRiskKind : null;
    }

    private async Task<bool> ValidAsync(long? id, TagSubjectKind subject, CancellationToken ct)
    {
        var known = (await categories.ListAsync(ct)).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var apps = Form.Applications.Distinct().ToList();
        var appsKnown = await AcrossAllRegions<CodeApplication>("any registered application may be named to see a kind").CountAsync(a => apps.Contains(a.Id), ct);
        var v = new InputValidator().Required(Form.Name, "Form.Name", "名称", 40).Required(Form.Source, "Form.Source", "数据来源", 200)
            .Required(Form.Purpose, "Form.Purpose", "使用目的", 200).Optional(Form.BasisReference, "Form.BasisReference", "依据文号", 200)
            .Check(Enum.IsDefined(Form.SubjectKind), "Form.SubjectKind", "请选择主体类型")
            .Check(Enum.IsDefined(Form.BasisKind), "Form.BasisKind", "请选择法律依据")
            .Check(Enum.IsDefined(Form.Status), "Form.Status", "状态无效")
            .Check(Form.RuleRiskKind is null || Enum.IsDefined(Form.RuleRiskKind.Value), "Form.RuleRiskKind", "规则无效")
            .Check(Form.RetentionDays >= 1 && Form.RetentionDays <= MaxRetentionDays, "Form.RetentionDays", $"保存期限应为 1–{MaxRetentionDays} 天")
            .Check(Form.Categories.All(known.Contains), "Form.Categories", "码分类无效")
            .Check(appsKnown == apps.Count, "Form.Applications", "码应用无效")
            .Check(Form.BasisKind == LegalBasisKind.Consent || Form.RuleRiskKind is null || !string.IsNullOrWhiteSpace(Form.BasisReference),
                "Form.BasisReference", "按规则贴标签且不以同意为依据时，须填写依据文号")
            .Check(Form.BasisKind != LegalBasisKind.Consent || subject == TagSubjectKind.Person, "Form.BasisKind", "企业标签不能以个人同意为依据");
        var name = Form.Name?.Trim();
        if (v.IsValid && await Db.Set<TagKind>().AnyAsync(k => k.Name == name && k.Id != id, ct)) v.Add("Form.Name", "已有同名的标签类型");
        return Accept(v);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await categories.ListAsync(ct);
        Applications = await AcrossAllRegions<CodeApplication>("names of the applications a kind is disclosed to").AsNoTracking()
            .OrderBy(a => a.Name).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var query = Db.Set<TagKind>().AsNoTracking();
        if (Q?.Trim() is { Length: > 0 } q) query = query.Where(k => k.Name.Contains(q) || k.Source.Contains(q) || k.Purpose.Contains(q));
        if (Subject is { } s) query = query.Where(k => k.SubjectKind == s);
        if (Status is { } st) query = query.Where(k => k.Status == st);
        Kinds = await query.OrderBy(k => k.Status).ThenBy(k => k.Name).Take(500).ToListAsync(ct);
        var ids = Kinds.Select(k => k.Id).ToList();
        TagCounts = await Within.Tags.Where(t => ids.Contains(t.KindId) && t.RemovedAt == null).GroupBy(t => t.KindId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
