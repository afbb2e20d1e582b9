using MiniCode.Infrastructure.Csv;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Imports;

/// <summary>
/// The rejected rows of one import as CSV (line, reason, the row with document numbers masked), streamed from the
/// database. Only its submitter and the approvers may download it (403 for other import staff); an import outside the
/// jurisdiction answers 404.
/// </summary>
[RequirePermission(Permissions.HealthImports)]
public sealed class RejectedModel : RegionalPageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var import = await Within.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null) return NotFound();
        if (import.SubmittedBy != Current.Actor && !Current.Has(Permissions.HealthImportsApprove)) return Forbid();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=import-{id}-rejected.csv";
        // A BOM so that spreadsheet programs read the Chinese reasons as UTF-8.
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(true));
        await writer.WriteAsync(CsvText.Line("行号", "原因", "原始内容（证件号码已打码）"));
        await foreach (var r in Db.Set<HealthDataImportRejection>().AsNoTracking().Where(r => r.ImportId == id).OrderBy(r => r.Line).AsAsyncEnumerable().WithCancellation(ct))
            await writer.WriteAsync(CsvText.Line(r.Line, r.Reason, r.Raw));
        return new EmptyResult();
    }
}
