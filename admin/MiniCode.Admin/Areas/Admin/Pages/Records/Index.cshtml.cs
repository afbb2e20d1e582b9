using MiniCode.Infrastructure.Csv;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.People;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Admin.Areas.Admin.Pages.Records;

/// <summary>
/// 排查信息管理: inspection records of the sites within the staff member's jurisdiction, searched by ID number (blind
/// index, posted and kept server-side: <see cref="IdNumberSearch"/>), name and time range; the chosen columns are
/// remembered per staff member; CSV export streams with a row count.
/// </summary>
[RequirePermission(Permissions.Records)]
public sealed class IndexModel(PersonalDataProtector protector, StaffPreferences preferences, IdNumberSearch idSearch, IOptions<AdminOptions> options)
    : RegionalPageModel
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

    /// <summary>One column the page can show: key (query value and saved setting), header, cell.</summary>
    public sealed record Column(string Key, string Header, Func<Row, BusinessCalendar, string> Cell);

    /// <summary>Every column the page can show (设置显示列), in order.</summary>
    public static readonly IReadOnlyList<Column> AllColumns =
    [
        new("time", "记录时间", (r, calendar) => calendar.Format(r.ScannedAt)),
        new("name", "姓名", (r, _) => SensitiveDataMasker.MaskName(r.Name)),
        new("id", "身份证号", (r, _) => r.IdNumber),
        new("temperature", "体温", (r, _) => r.Temperature.ToString("0.0", CultureInfo.InvariantCulture)),
        new("color", "健康码", (r, _) => ColorNames.Chinese(r.Color)),
        new("turnBack", "劝返", (r, _) => r.TurnBack ? "是" : "否"),
        new("site", "站点", (r, _) => r.Site),
        new("scanner", "扫码员", (r, _) => r.Scanner ?? ""),
        new("kind", "方式", (r, _) => r.Kind == ScanKind.Assisted ? "辅助登记" : "扫码"),
        new("remarks", "备注", (r, _) => r.Remarks ?? ""),
    ];

    /// <summary>The staff preference that remembers the chosen columns (comma-separated keys).</summary>
    public const string ColumnsPreference = "records.columns";

    /// <summary>Response header of the export with the number of rows that follow (for the page's progress bar).</summary>
    public const string TotalCountHeader = "X-Total-Count";

    /// <summary>Posted only (never in a URL); a GET finds the search through <see cref="Q"/>.</summary>
    [BindProperty] public string? IdNumber { get; set; }
    /// <summary>The token of the ID number search kept server-side.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>The ID number searched for, masked (null without an ID search).</summary>
    public string? IdSearchMasked => _idSearch?.Masked;
    private IdNumberSearch.Remembered? _idSearch;
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Columns { get; set; } = [];
    /// <summary>Sent by the filter form (hidden field): its checkboxes are a choice to remember, unlike columns in a plain link.</summary>
    [BindProperty(SupportsGet = true)] public bool ColumnsSet { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Row> Items { get; private set; } = [];
    public bool HasMore { get; private set; }
    public IReadOnlyList<Column> Shown { get; private set; } = AllColumns;
    /// <summary>True when the shown columns are the staff member's saved choice (so 恢复默认列 has something to forget).</summary>
    public bool ColumnsRemembered { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        _idSearch = await idSearch.RecallAsync(StaffId(), "records", Q, ct);
        Shown = await ResolveColumnsAsync(ct);
        PageNumber = Math.Max(1, PageNumber);
        var size = options.Value.PageSize;
        var rows = await Filtered().OrderByDescending(r => r.ScannedAt).ThenByDescending(r => r.Id).Skip((PageNumber - 1) * size).Take(size + 1).ToListAsync(ct);
        HasMore = rows.Count > size;
        Items = rows.Take(size).ToList();
    }

    /// <summary>Keeps the posted ID number search server-side and shows its results by a GET that carries only its token.</summary>
    public async Task<IActionResult> OnPostIdSearchAsync(CancellationToken ct)
    {
        Q = null;
        if (!string.IsNullOrWhiteSpace(IdNumber))
        {
            var number = IdNumber.Trim().ToUpperInvariant();
            Q = await idSearch.RememberAsync(StaffId(), "records", protector.BlindIndex($"{DocumentType.ResidentId}:{number}"),
                SensitiveDataMasker.MaskIdNumber(number), ct);
        }
        return Redirect(LinkFor(1));
    }

    /// <summary>Forgets the saved column choice: the page shows every column again.</summary>
    public async Task<IActionResult> OnPostResetColumnsAsync(CancellationToken ct)
    {
        await preferences.ForgetAsync(StaffId(), ColumnsPreference, ct);
        Flash("已恢复默认列");
        return Redirect("/admin/records");
    }

    /// <summary>
    /// Streams the filtered records with the shown columns as CSV (UTF-8 with BOM); the export is audited. The row count
    /// goes ahead in <c>X-Total-Count</c> (counted in the same read snapshot as the rows, so the two agree) for the
    /// page's progress bar.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        _idSearch = await idSearch.RecallAsync(StaffId(), "records", Q, ct);
        Shown = await ResolveColumnsAsync(ct);
        await Audit.RecordAsync("records.export", "scan_record", null,
            after: new { IdNumber = IdSearchMasked, Name = SensitiveDataMasker.MaskName(Name), From, To,
                Jurisdiction, Columns = Shown.Select(c => c.Key) }, ct: ct);
        await using var snapshot = await ReadSnapshot.BeginAsync(Db.Database, ct);
        var total = await Filtered().CountAsync(ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"inspection-records.csv\"";
        Response.Headers[TotalCountHeader] = total.ToString(CultureInfo.InvariantCulture);
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await writer.WriteAsync(CsvText.Line(Shown.Select(c => (object?)c.Header).ToArray()));
        var count = 0;
        await foreach (var r in Filtered().OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteAsync(CsvText.Line(Shown.Select(c => (object?)c.Cell(r, Calendar)).ToArray()));
            if (++count % 500 == 0) await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    private long StaffId() => Current.Staff?.Id ?? throw new InvalidOperationException("the page requires a signed-in staff member");

    /// <summary>
    /// The columns to show: a submitted choice (saved for next time), else columns named in a plain link (this request
    /// only), else the saved choice, else all. Unknown keys are dropped; a choice of none means all (and forgets the saved one).
    /// </summary>
    private async Task<IReadOnlyList<Column>> ResolveColumnsAsync(CancellationToken ct)
    {
        var chosen = Known(Columns);
        if (ColumnsSet)
        {
            if (chosen.Count == 0) await preferences.ForgetAsync(StaffId(), ColumnsPreference, ct);
            else await preferences.SetAsync(StaffId(), ColumnsPreference, string.Join(',', chosen.Select(c => c.Key)), ct);
            ColumnsRemembered = chosen.Count > 0;
        }
        else if (chosen.Count == 0)
        {
            chosen = Known((await preferences.GetAsync(StaffId(), ColumnsPreference, ct))?.Split(',') ?? []);
            ColumnsRemembered = chosen.Count > 0;
        }
        return chosen.Count == 0 ? AllColumns : chosen;
    }

    private static List<Column> Known(IEnumerable<string> keys)
    {
        var set = keys.ToHashSet(StringComparer.Ordinal);
        return AllColumns.Where(c => set.Contains(c.Key)).ToList();
    }

    private IQueryable<Row> Filtered()
    {
        var visits = Within.ScanVisits.AsNoTracking();
        if (From is { } from)
        {
            var start = LocalMidnight(from);
            visits = visits.Where(v => v.Record.ScannedAt >= start);
        }
        if (To is { } to)
        {
            var end = LocalMidnight(to.AddDays(1));
            visits = visits.Where(v => v.Record.ScannedAt < end);
        }
        if (_idSearch?.Index is { } index) visits = visits.Where(v => v.Person.DocumentIndex == index);
        if (!string.IsNullOrWhiteSpace(Name))
        {
            var name = Name.Trim();
            visits = visits.Where(v => v.Person.Name == name);
        }
        return from v in visits
               join sc in Db.Set<ScannerProfile>() on v.Record.ScannerAccountId equals sc.AccountId into scanners
               from sc in scanners.DefaultIfEmpty()
               select new Row
               {
                   Id = v.Record.Id, ScannedAt = v.Record.ScannedAt, Name = v.Person.Name, IdNumber = v.Person.DocumentMasked, Temperature = v.Record.Temperature,
                   Color = v.Record.Color, TurnBack = v.Record.TurnBack, Site = v.Site.Name, Scanner = sc == null ? null : sc.Name, Kind = v.Record.Kind,
                   Remarks = v.Record.Remarks,
               };
    }


    public string LinkFor(int page) => "/admin/records?" + string.Join('&',
        new[] { ("q", Q), ("name", Name), ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("p", page.ToString(CultureInfo.InvariantCulture)) }
            .Concat(Columns.Select(c => ("columns", (string?)c)))
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
}
