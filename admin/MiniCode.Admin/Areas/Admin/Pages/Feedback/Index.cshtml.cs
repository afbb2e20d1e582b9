using MiniCode.Infrastructure.Csv;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Feedback;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Feedback;

/// <summary>
/// 纠错反馈: the entries submitted for a region within the staff member's jurisdiction (entries without a region only for
/// staff without an organisation); the CSV export is scoped the same way.
/// </summary>
[RequirePermission(Permissions.Feedback)]
public sealed class IndexModel(IOptions<AdminOptions> options, TimeProvider time) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public FeedbackStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public FeedbackCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<FeedbackEntry> Items { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var size = options.Value.PageSize;
        var rows = await Filtered().OrderByDescending(f => f.Id).Skip((PageNumber - 1) * size).Take(size + 1).ToListAsync(ct);
        HasMore = rows.Count > size;
        Items = rows.Take(size).ToList();
    }

    /// <summary>Streams the filtered feedback as CSV (UTF-8 with BOM so Excel reads Chinese), row by row, never all in memory.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await Audit.RecordAsync("feedback.export", "feedback", null, after: new { Status = Status?.ToString(), Category = Category?.ToString(), From, To, Jurisdiction }, ct: ct);

        var stamp = Calendar.Format(time.GetUtcNow(), "yyyyMMddHHmm");
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"feedback-{stamp}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await writer.WriteAsync(CsvText.Line("编号", "提交时间", "类型", "内容", "地区编码", "联系电话", "状态", "回复", "回复时间"));
        var rows = 0;
        await foreach (var f in Filtered().OrderBy(f => f.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteAsync(CsvText.Line(f.Id, Local(f.CreatedAt), FeedbackEntry.CategoryLabel(f.Category), f.Content, f.RegionCode,
                f.ContactMasked, FeedbackEntry.StatusLabel(f.Status), f.Reply, f.RepliedAt is { } at ? Local(at) : ""));
            if (++rows % 500 == 0) await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    private IQueryable<FeedbackEntry> Filtered()
    {
        var query = Within.Feedback.AsNoTracking();
        if (Status is { } status) query = query.Where(f => f.Status == status);
        if (Category is { } category) query = query.Where(f => f.Category == category);
        if (From is { } from)
        {
            var start = LocalMidnight(from);
            query = query.Where(f => f.CreatedAt >= start);
        }
        if (To is { } to)
        {
            var end = LocalMidnight(to.AddDays(1));
            query = query.Where(f => f.CreatedAt < end);
        }
        return query;
    }


    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm");

    public string LinkFor(int page) => "/admin/feedback?" + string.Join('&',
        new[] { ("status", Status?.ToString()), ("category", Category?.ToString()), ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("p", page.ToString(CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
}
