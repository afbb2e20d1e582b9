using MiniCode.Infrastructure.Csv;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.Organisations;
using MiniCode.Features.People;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Admin.Areas.Admin.Pages.Records;

/// <summary>排查信息管理: inspection records searched by ID number (blind index), name and time range, chosen columns, CSV export.</summary>
[RequirePermission(Permissions.Records)]
public sealed class IndexModel(MiniCodeDbContext db, PersonalDataProtector protector, AuditLog audit, CurrentStaff current,
    IOptions<AdminOptions> options, TimeProvider time) : AdminPageModel
{
    /// <summary>One line of the list; built with an object initialiser so the database can sort and page it.</summary>
    public sealed class Row
    {
        public long Id { get; init; }
        public DateTimeOffset ScannedAt { get; init; }
        public string Name { get; init; } = "";
        public string IdNumber { get; init; } = "";
        public decimal Temperature { get; init; }
        public HealthColor Color { get; init; }
        public bool TurnBack { get; init; }
        public string Site { get; init; } = "";
        public string? Scanner { get; init; }
        public ScanKind Kind { get; init; }
        public string? Remarks { get; init; }
    }

    /// <summary>Every column the page can show (设置显示列), in order: key, header, cell.</summary>
    public static readonly IReadOnlyList<(string Key, string Header, Func<Row, TimeZoneInfo, string> Cell)> AllColumns =
    [
        ("time", "记录时间", (r, z) => TimeZoneInfo.ConvertTime(r.ScannedAt, z).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
        ("name", "姓名", (r, _) => SensitiveDataMasker.MaskName(r.Name)),
        ("id", "身份证号", (r, _) => r.IdNumber),
        ("temperature", "体温", (r, _) => r.Temperature.ToString("0.0", CultureInfo.InvariantCulture)),
        ("color", "健康码", (r, _) => ColorNames.Chinese(r.Color)),
        ("turnBack", "劝返", (r, _) => r.TurnBack ? "是" : "否"),
        ("site", "站点", (r, _) => r.Site),
        ("scanner", "扫码员", (r, _) => r.Scanner ?? ""),
        ("kind", "方式", (r, _) => r.Kind == ScanKind.Assisted ? "辅助登记" : "扫码"),
        ("remarks", "备注", (r, _) => r.Remarks ?? ""),
    ];

    [BindProperty(SupportsGet = true)] public string? IdNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Columns { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Row> Items { get; private set; } = [];
    public bool HasMore { get; private set; }
    public TimeZoneInfo Zone => time.LocalTimeZone;

    public IEnumerable<(string Key, string Header, Func<Row, TimeZoneInfo, string> Cell)> Shown =>
        Columns.Count == 0 ? AllColumns : AllColumns.Where(c => Columns.Contains(c.Key));

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var size = options.Value.PageSize;
        var rows = await Filtered().OrderByDescending(r => r.ScannedAt).ThenByDescending(r => r.Id).Skip((PageNumber - 1) * size).Take(size + 1).ToListAsync(ct);
        HasMore = rows.Count > size;
        Items = rows.Take(size).ToList();
    }

    /// <summary>Streams the filtered records with the chosen columns as CSV (UTF-8 with BOM); the export is audited.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        audit.Record(current.Actor, "records.export", "scan_record", null,
            after: new { IdNumber = IdNumber is null ? null : SensitiveDataMasker.MaskIdNumber(IdNumber), Name = SensitiveDataMasker.MaskName(Name), From, To });
        await db.SaveChangesAsync(ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"inspection-records.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        var columns = Shown.ToList();
        await writer.WriteAsync(CsvText.Line(columns.Select(c => (object?)c.Header).ToArray()));
        var count = 0;
        await foreach (var r in Filtered().OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteAsync(CsvText.Line(columns.Select(c => (object?)c.Cell(r, Zone)).ToArray()));
            if (++count % 500 == 0) await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    private IQueryable<Row> Filtered()
    {
        var records = db.Set<ScanRecord>().AsNoTracking().AsQueryable();
        if (From is { } from)
        {
            var start = LocalMidnight(from);
            records = records.Where(r => r.ScannedAt >= start);
        }
        if (To is { } to)
        {
            var end = LocalMidnight(to.AddDays(1));
            records = records.Where(r => r.ScannedAt < end);
        }
        var persons = db.Set<Person>().AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(IdNumber))
        {
            var index = protector.BlindIndex($"{DocumentType.ResidentId}:{IdNumber.Trim().ToUpperInvariant()}");
            persons = persons.Where(p => p.DocumentIndex == index);
        }
        if (!string.IsNullOrWhiteSpace(Name))
        {
            var name = Name.Trim();
            persons = persons.Where(p => p.Name == name);
        }
        return from r in records
               join p in persons on r.PersonId equals p.Id
               join s in db.Set<Site>() on r.SiteId equals s.Id
               join sc in db.Set<ScannerProfile>() on r.ScannerAccountId equals sc.AccountId into scanners
               from sc in scanners.DefaultIfEmpty()
               select new Row
               {
                   Id = r.Id, ScannedAt = r.ScannedAt, Name = p.Name, IdNumber = p.DocumentMasked, Temperature = r.Temperature, Color = r.Color,
                   TurnBack = r.TurnBack, Site = s.Name, Scanner = sc == null ? null : sc.Name, Kind = r.Kind, Remarks = r.Remarks,
               };
    }

    private DateTimeOffset LocalMidnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, time.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    public string LinkFor(int page) => "/admin/records?" + string.Join('&',
        new[] { ("idNumber", IdNumber), ("name", Name), ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("p", page.ToString(CultureInfo.InvariantCulture)) }
            .Concat(Columns.Select(c => ("columns", (string?)c)))
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
}
