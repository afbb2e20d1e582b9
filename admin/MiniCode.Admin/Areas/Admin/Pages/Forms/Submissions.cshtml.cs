using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Forms;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Csv;

namespace MiniCode.Admin.Areas.Admin.Pages.Forms;

/// <summary>
/// 表单数据: the answers citizens submitted to one form of the jurisdiction, filtered by submission day (business calendar),
/// newest first, 50 a page; the same filter exports as CSV (UTF-8 with BOM), streamed and audited.
/// </summary>
[RequirePermission(Permissions.Forms)]
public sealed class SubmissionsModel(FormAnswerVault vault) : RegionalPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public CustomForm? Form { get; private set; }
    public IReadOnlyList<FormField> Fields { get; private set; } = [];
    public IReadOnlyList<FormSubmission> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadFormAsync(ct)) return NotFound();
        Total = await Filtered().CountAsync(ct);
        PageNumber = Math.Max(1, PageNumber);
        Rows = await Filtered().AsNoTracking().OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!await LoadFormAsync(ct)) return NotFound();
        await Audit.RecordAsync("form.export", "custom_form", Form!.Id, after: new { From, To, Jurisdiction }, ct: ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"form-{Form.Id}-answers.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await writer.WriteAsync(CsvText.Line(["提交时间", .. Fields.Select(f => (object?)f.Label)]));
        var count = 0;
        await foreach (var s in Filtered().AsNoTracking().OrderBy(s => s.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteAsync(CsvText.Line([Local(s.SubmittedAt), .. Cells(s).Select(c => (object?)c)]));
            if (++count % 500 == 0) await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm");

    /// <summary>The answer to each field in field order; a multiple choice reads "a、b".</summary>
    public IReadOnlyList<string> Cells(FormSubmission submission)
    {
        using var answers = vault.Open(submission.Answers);
        return Fields.Select(f => answers.RootElement.TryGetProperty(f.Key, out var v) ? Text(v) : "").ToList();
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join("、", value.EnumerateArray().Select(Text)),
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };

    private async Task<bool> LoadFormAsync(CancellationToken ct)
    {
        Form = await Within.Forms.AsNoTracking().Include(f => f.Fields).SingleOrDefaultAsync(f => f.Id == Id, ct);
        Fields = Form?.Fields.OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToList() ?? [];
        return Form is not null;
    }

    private IQueryable<FormSubmission> Filtered()
    {
        var rows = Within.FormSubmissions.Where(s => s.FormId == Id);
        if (From is { } from) { var since = LocalMidnight(from); rows = rows.Where(s => s.SubmittedAt >= since); }
        if (To is { } to) { var until = LocalMidnight(to.AddDays(1)); rows = rows.Where(s => s.SubmittedAt < until); }
        return rows;
    }

}
