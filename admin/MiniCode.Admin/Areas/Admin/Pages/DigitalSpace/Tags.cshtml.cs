using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.DigitalSpace;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Admin.Areas.Admin.Pages.DigitalSpace;

/// <summary>
/// 数字空间 · 标签: the tags of people and enterprises within the jurisdiction (names and documents masked), by kind; and
/// the CSV import (<see cref="TagImports"/>: insert-only, within the jurisdiction, masked rejected rows), which needs
/// <see cref="Permissions.DigitalSpaceEdit"/> and is audited <c>tag.import</c>.
/// </summary>
[RequirePermission(Permissions.DigitalSpaceView)]
public sealed class TagsModel(TagImports imports) : RegionalPageModel
{
    public const string Columns = "tag_kind,document_type,document_number,basis_reference";

    public sealed record Row(Tag Tag, string Kind, string Subject, string? OpenObjection);

    [BindProperty(SupportsGet = true)] public long? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public long? Import { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<TagKind> Kinds { get; private set; } = [];
    public TagImport? LatestImport { get; private set; }
    public IReadOnlyList<TagImportRejection> Rejections { get; private set; } = [];
    public bool MayEdit => Current.Has(Permissions.DigitalSpaceEdit);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (!MayEdit) return Forbid();
        if (!Accept(new InputValidator().Check(file is { Length: > 0 }, "file", "请选择要上传的 CSV 文件"))) { await LoadAsync(ct); return Page(); }
        await using var stream = file!.OpenReadStream();
        var import = await imports.ImportAsync(Current.Actor, Jurisdiction, stream, ct);
        await Audit.RecordAsync("tag.import", "tag_import", import.Id, null, new { import.TotalRows, import.AcceptedRows, import.RejectedRows, Jurisdiction }, ct);
        Flash($"导入完成：共 {import.TotalRows} 行，贴标签 {import.AcceptedRows} 行，拒绝 {import.RejectedRows} 行");
        return Redirect($"/admin/digitalspace/tags?import={import.Id}");
    }

    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm");

    private async Task LoadAsync(CancellationToken ct)
    {
        Kinds = await Db.Set<TagKind>().AsNoTracking().OrderBy(k => k.Name).ToListAsync(ct);
        var query = Within.Tags.AsNoTracking();
        if (Kind is { } kind) query = query.Where(t => t.KindId == kind);
        var tags = await query.OrderByDescending(t => t.AttachedAt).ThenByDescending(t => t.Id).Take(500).ToListAsync(ct);
        var personIds = tags.Where(t => t.SubjectKind == TagSubjectKind.Person).Select(t => t.SubjectId).Distinct().ToList();
        var enterpriseIds = tags.Where(t => t.SubjectKind == TagSubjectKind.Enterprise).Select(t => t.SubjectId).Distinct().ToList();
        var people = await Within.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.DocumentMasked })
            .ToDictionaryAsync(p => p.Id, p => $"{SensitiveDataMasker.MaskName(p.Name)} {p.DocumentMasked}", ct);
        var enterprises = await Within.Enterprises.AsNoTracking().Where(e => enterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var tagIds = tags.Select(t => t.Id).ToList();
        var open = await Within.TagObjections.AsNoTracking().Where(o => tagIds.Contains(o.TagId) && o.Status == ObjectionStatus.Open)
            .ToDictionaryAsync(o => o.TagId, o => o.Reason, ct);
        Rows = tags.Select(t => new Row(t, Kinds.FirstOrDefault(k => k.Id == t.KindId)?.Name ?? "",
            (t.SubjectKind == TagSubjectKind.Person ? people.GetValueOrDefault(t.SubjectId) : enterprises.GetValueOrDefault(t.SubjectId)) ?? "",
            open.GetValueOrDefault(t.Id))).ToList();
        if (Import is { } importId && await Within.TagImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId, ct) is { } latest)
        {
            LatestImport = latest;
            Rejections = await Db.Set<TagImportRejection>().AsNoTracking().Where(r => r.ImportId == latest.Id).OrderBy(r => r.Line).Take(200).ToListAsync(ct);
        }
    }
}
