using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Imports;

/// <summary>
/// 健康数据导入 by staff: a CSV of one kind (the same columns as the health authority's API) goes through
/// <see cref="HealthDataImporter"/>, streamed row by row; the page shows the summary and links the rejected-rows report.
/// </summary>
[RequirePermission(Permissions.HealthImports)]
[PlatformWide("health data comes from the health authority for the whole platform, as through its import API")]
public sealed class IndexModel(MiniCodeDbContext db, HealthDataImporter importer, IOptions<AdminOptions> options, IOptions<ImportOptions> imports)
    : AdminPageModel
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
    public IReadOnlyList<HealthDataImport> Recent { get; private set; } = [];

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
            import = await importer.ImportAsync(kind, "csv", Current.Actor, CsvRowReader.ReadAsync(stream, ct, imports.Value.MaxRecordChars), ct);
        }
        catch (ApiException ex)
        {
            Refused(ex);
            await LoadAsync(ct);
            return Page();
        }
        Flash($"导入完成：共 {import.TotalRows} 行，接受 {import.AcceptedRows} 行，拒绝 {import.RejectedRows} 行");
        return Redirect($"/admin/imports?id={import.Id}");
    }

    public static string KindLabel(ImportKind kind) => Kinds.First(k => k.Kind == kind).Label;

    public string Local(DateTimeOffset? at) =>
        at is { } t ? Calendar.Format(t, "yyyy-MM-dd HH:mm:ss") : "—";

    private async Task LoadAsync(CancellationToken ct)
    {
        Recent = await db.Set<HealthDataImport>().AsNoTracking().OrderByDescending(i => i.Id).Take(options.Value.PageSize).ToListAsync(ct);
        if (Id is { } id) Latest = await db.Set<HealthDataImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
    }
}
