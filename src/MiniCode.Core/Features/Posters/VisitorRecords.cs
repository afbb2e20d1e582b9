using System.Runtime.CompilerServices;
using System.Text;
using MiniCode.Infrastructure.Csv;
using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Features.Posters;

/// <summary>
/// Who checked in at a poster, as its owner (mini program) and staff (admin) see it: names and phones masked, filtered by
/// time, paged, or streamed as CSV. Callers check that the poster is theirs to see first.
/// </summary>
public sealed class VisitorRecords(MiniCodeDbContext db, IOptions<PosterOptions> options, BusinessCalendar calendar)
{
    private sealed record Row(long Id, string Name, string? Phone, DateTimeOffset CheckedInAt, DateTimeOffset LastScanAt, int ScanCount);

    public async Task<OwnerCheckIns> PageAsync(long posterId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken ct)
    {
        var size = pageSize ?? 20;
        var number = page ?? 1;
        new InputValidator()
            .Check(size >= 1 && size <= options.Value.MaxPageSize, "pageSize", $"每页条数须在1到{options.Value.MaxPageSize}之间")
            .Check(number >= 1, "page", "页码须从1开始")
            .Check(from is null || to is null || from < to, "to", "结束时间须晚于开始时间")
            .ThrowIfInvalid();
        var query = Rows(posterId, from, to);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new OwnerCheckIns(rows.Select(Mask).ToList(), total, number, size);
    }

    /// <summary>Writes the CSV (UTF-8 with BOM for spreadsheet programs) row by row as the database returns them.</summary>
    public async Task WriteCsvAsync(long posterId, DateTimeOffset? from, DateTimeOffset? to, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvText.Line("登记编号", "姓名", "手机号", "登记时间", "最近扫码时间", "扫码次数"));
        await foreach (var row in Stream(posterId, from, to, ct))
        {
            var v = Mask(row);
            await writer.WriteAsync(CsvText.Line(v.CheckInId, v.MaskedName, v.MaskedPhone, calendar.Format(v.CheckedInAt, "yyyy-MM-dd HH:mm:ss"), calendar.Format(v.LastScanAt, "yyyy-MM-dd HH:mm:ss"), v.ScanCount));
        }
        await writer.FlushAsync(ct);
    }

    /// <summary>Checks the filter before the response starts streaming (a bad filter must still answer 400).</summary>
    public static void ValidateRange(DateTimeOffset? from, DateTimeOffset? to) =>
        new InputValidator().Check(from is null || to is null || from < to, "to", "结束时间须晚于开始时间").ThrowIfInvalid();

    private async IAsyncEnumerable<Row> Stream(long posterId, DateTimeOffset? from, DateTimeOffset? to, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in Rows(posterId, from, to).AsAsyncEnumerable().WithCancellation(ct)) yield return row;
    }

    private IQueryable<Row> Rows(long posterId, DateTimeOffset? from, DateTimeOffset? to)
    {
        var checkIns = db.Set<CheckIn>().AsNoTracking().Where(c => c.PosterId == posterId);
        if (from is { } f) checkIns = checkIns.Where(c => c.CheckedInAt >= f);
        if (to is { } t) checkIns = checkIns.Where(c => c.CheckedInAt < t);
        return from c in checkIns
               join p in db.Set<Person>().AsNoTracking() on c.PersonId equals p.Id
               join a in db.Set<Account>().AsNoTracking() on c.AccountId equals a.Id
               orderby c.CheckedInAt descending, c.Id descending
               select new Row(c.Id, p.Name, a.PhoneMasked, c.CheckedInAt, c.LastScanAt, c.ScanCount);
    }

    private static OwnerCheckIn Mask(Row r) =>
        new(r.Id, SensitiveDataMasker.MaskName(r.Name), SensitiveDataMasker.MaskPhone(r.Phone), r.CheckedInAt, r.LastScanAt, r.ScanCount);

}
