using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MiniCode.Admin.Security;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Imports;

/// <summary>
/// 健康数据导入 by staff: a CSV of one kind (the same columns as the health authority's API) is checked row by row by
/// <see cref="StaffImports"/> — within the staff member's jurisdiction, new records only — and waits until another
/// staff member with <see cref="Permissions.HealthImportsApprove"/> approves (applied) or rejects it (discarded).
/// Only imports submitted within the jurisdiction are listed; acting on another answers 404.
/// </summary>
[RequirePermission(Permissions.HealthImports)]
public sealed class IndexModel(StaffImports imports, IOptions<AdminOptions> options, IOptions<ImportOptions> importOptions)
    : RegionalPageModel
{
    public static readonly IReadOnlyList<(ImportKind Kind, string Label, string Columns)> Kinds =
    [
        (ImportKind.RiskList, "风险人员名单", "document_type,document_number,kind,starts_on,ends_on"),
        (ImportKind.Regions, "中高风险地区", "region_code,starts_on,ends_on"),
        (ImportKind.NucleicAcid, "核酸检测结果", "document_type,document_number,sampled_at,result,institution"),
        (ImportKind.Vaccinations, "疫苗接种记录", "document_type,document_number,dose,vaccinated_on,product,completes_series"),
        (ImportKind.PriorApplications, "已在省级系统申领（免申报）", "document_type,document_number,applied_on"),
    ];

    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    public HealthDataImport? Latest { get; private set; }
    public IReadOnlyList<HealthDataImport> Pending { get; private set; } = [];
    public IReadOnlyList<HealthDataImport> Recent { get; private set; } = [];
    public bool MayApprove => Current.Has(Permissions.HealthImportsApprove);
    private IReadOnlyDictionary<string, string> _staff = new Dictionary<string, string>();

    public string StaffName(string? actor) => actor is null ? "" : _staff.GetValueOrDefault(actor, actor);

    /// <summary>The submitter and approvers may download an import's rejected rows.</summary>
    public bool MayDownload(HealthDataImport import) => MayApprove || import.SubmittedBy == Current.Actor;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(ImportKind kind, IFormFile? file, CancellationToken ct)
    {
        var valid = Accept(new InputValidator().Check(Enum.IsDefined(kind), "kind", "请选择数据类型")
            .Check(file is { Length: > 0 }, "file", "请选择要上传的 CSV 文件"));
        if (!valid)
        {
            await LoadAsync(ct);
            return Page();
        }
        HealthDataImport import;
        try
        {
            await using var stream = file!.OpenReadStream();
            import = await imports.SubmitAsync(kind, Current.Actor, Jurisdiction, CsvRowReader.ReadAsync(stream, ct, importOptions.Value.MaxRecordChars), ct);
        }
        catch (ApiException ex)
        {
            Refused(ex);
            await LoadAsync(ct);
            return Page();
        }
        Flash($"已提交，待另一名工作人员审批后生效：共 {import.TotalRows} 行，待导入 {import.AcceptedRows} 行，拒绝 {import.RejectedRows} 行");
        return Redirect($"/admin/imports?id={import.Id}");
    }

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) => DecideAsync(id, async () =>
    {
        var i = await imports.ApproveAsync(id, Current.Actor, ct);
        return $"导入已审批生效：接受 {i.AcceptedRows} 行，拒绝 {i.RejectedRows} 行，重新计算 {i.RecomputedPersons} 人的健康码颜色";
    }, ct);

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct) => DecideAsync(id, async () =>
    {
        await imports.DiscardAsync(id, Current.Actor, ct);
        return "导入已驳回，未写入任何数据";
    }, ct);

    public static string KindLabel(ImportKind kind) => Kinds.First(k => k.Kind == kind).Label;

    public static string StatusLabel(ImportStatus status) => status switch
    {
        ImportStatus.Pending => "待审批",
        ImportStatus.Discarded => "已驳回",
        _ => "已生效",
    };

    public string Local(DateTimeOffset? at) =>
        at is { } t ? Calendar.Format(t, "yyyy-MM-dd HH:mm:ss") : "—";

    private async Task<IActionResult> DecideAsync(long id, Func<Task<string>> decide, CancellationToken ct)
    {
        if (!MayApprove) return Forbid();
        if (!await Within.Imports.AnyAsync(i => i.Id == id, ct)) return NotFound();
        string done;
        try
        {
            done = await decide();
        }
        catch (ApiException ex)
        {
            Refused(ex);
            await LoadAsync(ct);
            return Page();
        }
        Flash(done);
        return Redirect($"/admin/imports?id={id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var size = options.Value.PageSize;
        Pending = await Within.Imports.AsNoTracking().Where(i => i.Status == ImportStatus.Pending).OrderBy(i => i.Id).Take(size).ToListAsync(ct);
        Recent = await Within.Imports.AsNoTracking().OrderByDescending(i => i.Id).Take(size).ToListAsync(ct);
        if (Id is { } id) Latest = await Within.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        _staff = await ActorNamesAsync(Pending.Concat(Recent).SelectMany(i => new[] { i.SubmittedBy, i.DecidedBy }), ct);
    }
}
