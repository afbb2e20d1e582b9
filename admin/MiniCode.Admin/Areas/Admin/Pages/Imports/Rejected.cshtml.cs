using MiniCode.Infrastructure.Csv;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Imports;

/// <summary>The rejected rows of one import as CSV (line, reason, raw row), streamed from the database.</summary>
[RequirePermission(Permissions.HealthImports)]
[PlatformWide("health data comes from the health authority for the whole platform, as through its import API")]
public sealed class RejectedModel(MiniCodeDbContext db) : AdminPageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await db.Set<HealthDataImport>().AnyAsync(i => i.Id == id, ct)) return NotFound();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=import-{id}-rejected.csv";
        // A BOM so that spreadsheet programs read the Chinese reasons as UTF-8.
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(true));
        await writer.WriteAsync(CsvText.Line("行号", "原因", "原始内容"));
        await foreach (var r in db.Set<HealthDataImportRejection>().AsNoTracking().Where(r => r.ImportId == id).OrderBy(r => r.Line).AsAsyncEnumerable().WithCancellation(ct))
            await writer.WriteAsync(CsvText.Line(r.Line, r.Reason, r.Raw));
        return new EmptyResult();
    }
}
