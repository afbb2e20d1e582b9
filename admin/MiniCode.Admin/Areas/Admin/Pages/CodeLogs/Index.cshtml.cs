using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Audit;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.HealthCodes.Logs;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeLogs;

/// <summary>
/// 日志记录 (一码通 §2.2.8): 扫码记录, 亮码记录, 授权办事记录 and 操作记录 of the jurisdiction, searched by person (ID
/// number posted and kept server-side, <see cref="IdNumberSearch"/>), time range and 码分类; people shown masked; paged.
/// </summary>
[RequirePermission(Permissions.CodeLogs)]
public sealed class IndexModel(PersonalDataProtector protector, IdNumberSearch idSearch, IOptions<AdminOptions> options) : RegionalPageModel
{
    public const string SearchPage = "codelogs";

    /// <summary>The four logs, by query value.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Kinds =
        [(CodeEventRecord.Scan, "扫码记录"), (CodeEventRecord.Show, "亮码记录"), ("errand", "授权办事记录"), ("operation", "操作记录")];

    /// <summary>One line of any of the logs: who (masked), what, where.</summary>
    public sealed record Row(DateTimeOffset At, string? Person, string? Document, string Category, string What, string Region);

    /// <summary>Posted only (never in a URL); a GET finds the search through <see cref="Q"/>.</summary>
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = CodeEventRecord.Scan;
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public string? IdSearchMasked { get; private set; }
    public IReadOnlyList<Row> Items { get; private set; } = [];
    public bool HasMore { get; private set; }
    /// <summary>操作记录 of a jurisdiction are those of its people: a scoped staff member names the person first.</summary>
    public bool NeedsPerson { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Kinds.Any(k => k.Key == Kind)) Kind = CodeEventRecord.Scan;
        PageNumber = Math.Max(1, PageNumber);
        Categories = (await Db.Set<CodeCategory>().AsNoTracking().OrderBy(c => c.CreatedAt).ThenBy(c => c.Code).ToListAsync(ct)).Select(c => (c.Code, c.Name)).ToList();
        var search = await idSearch.RecallAsync(StaffId(), SearchPage, Q, ct);
        IdSearchMasked = search?.Masked;
        var people = search is null ? null : await Within.People.AsNoTracking().Where(p => p.DocumentIndex == search.Index).Select(p => p.Id).ToListAsync(ct);
        var rows = Kind switch
        {
            "errand" => await ErrandsAsync(search?.Index, ct),
            "operation" => await OperationsAsync(people, ct),
            _ => await EventsAsync(people, ct),
        };
        HasMore = rows.Count > options.Value.PageSize;
        Items = rows.Take(options.Value.PageSize).ToList();
    }

    /// <summary>Keeps the posted ID number server-side and shows the results by a GET that carries only its token.</summary>
    public async Task<IActionResult> OnPostIdSearchAsync(CancellationToken ct)
    {
        Q = null;
        if (!string.IsNullOrWhiteSpace(IdNumber))
        {
            var number = IdNumber.Trim().ToUpperInvariant();
            Q = await idSearch.RememberAsync(StaffId(), SearchPage, protector.BlindIndex($"{DocumentType.ResidentId}:{number}"), SensitiveDataMasker.MaskIdNumber(number), ct);
        }
        return Redirect(LinkFor(1));
    }

    public string LinkFor(int page, string? kind = null) => "/admin/codelogs?" + string.Join('&',
        new[] { ("kind", kind ?? Kind), ("q", Q), ("category", kind is null ? Category : null), ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("p", page.ToString(CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    public string CategoryName(string code) => Categories.FirstOrDefault(c => c.Code == code).Name ?? code;

    private async Task<List<Row>> EventsAsync(List<long>? people, CancellationToken ct)
    {
        var events = Within.CodeEvents.AsNoTracking().Where(e => e.Kind == Kind);
        if (people is not null) events = events.Where(e => e.PersonId != null && people.Contains(e.PersonId.Value));
        if (!string.IsNullOrEmpty(Category)) events = events.Where(e => e.Category == Category);
        if (From is { } from) { var start = LocalMidnight(from); events = events.Where(e => e.At >= start); }
        if (To is { } to) { var end = LocalMidnight(to.AddDays(1)); events = events.Where(e => e.At < end); }
        var page = await Paged(events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)).ToListAsync(ct);
        var ids = page.Where(e => e.PersonId != null).Select(e => e.PersonId!.Value).Distinct().ToList();
        var holders = await Within.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.DocumentMasked }).ToDictionaryAsync(p => p.Id, ct);
        return page.Select(e =>
        {
            var holder = e.PersonId is { } id ? holders.GetValueOrDefault(id) : null;
            var what = e.CodeType + (e.Outcome.Length > 0 ? " · " + e.Outcome : "") + (e.Application.Length > 0 ? " · " + e.Application : "");
            return new Row(e.At, holder is null ? null : SensitiveDataMasker.MaskName(holder.Name), holder?.DocumentMasked, e.Category, what, e.RegionCode);
        }).ToList();
    }

    private async Task<List<Row>> ErrandsAsync(string? index, CancellationToken ct)
    {
        // Every authorisation is a 授权码; another category has none.
        if (!string.IsNullOrEmpty(Category) && Category != CodeCategories.Authorisation) return [];
        var grants = Within.ErrandAuthorisations.AsNoTracking();
        if (index is not null) grants = grants.Where(a => a.Grantor!.DocumentIndex == index || a.GranteeDocumentIndex == index);
        if (From is { } from) { var start = LocalMidnight(from); grants = grants.Where(a => a.CreatedAt >= start); }
        if (To is { } to) { var end = LocalMidnight(to.AddDays(1)); grants = grants.Where(a => a.CreatedAt < end); }
        var page = await Paged(grants.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)).Select(a => new
        {
            a.CreatedAt, GrantorName = a.Grantor!.Name, GrantorDocument = a.Grantor.DocumentMasked, a.GranteeNameMasked, a.GranteeDocumentMasked,
            a.MatterName, a.Status, a.ValidFrom, a.ValidTo, a.RegionCode,
        }).ToListAsync(ct);
        return page.Select(a => new Row(a.CreatedAt, SensitiveDataMasker.MaskName(a.GrantorName), a.GrantorDocument, CodeCategories.Authorisation,
            $"授权 {a.GranteeNameMasked}（{a.GranteeDocumentMasked}）办理「{a.MatterName}」{a.ValidFrom:yyyy-MM-dd}至{a.ValidTo:yyyy-MM-dd} · {a.Status}", a.RegionCode)).ToList();
    }

    /// <summary>The audit entries a person made (their citizen accounts) or that were about them (an override, an appeal …).</summary>
    private async Task<List<Row>> OperationsAsync(List<long>? people, CancellationToken ct)
    {
        NeedsPerson = people is null && Jurisdiction is not null;
        if (NeedsPerson || !string.IsNullOrEmpty(Category)) return [];
        var entries = Db.Set<AuditEntry>().AsNoTracking();
        Dictionary<string, (string Name, string Document)> whose = [];
        if (people is not null)
        {
            var found = await Within.People.AsNoTracking().Where(p => people.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.DocumentMasked }).ToListAsync(ct);
            var accounts = await Db.Set<Account>().AsNoTracking().Where(a => a.PersonId != null && people.Contains(a.PersonId.Value)).Select(a => new { a.Id, a.PersonId }).ToListAsync(ct);
            foreach (var a in accounts) whose["citizen:" + a.Id.ToString(CultureInfo.InvariantCulture)] = found.Where(p => p.Id == a.PersonId).Select(p => (SensitiveDataMasker.MaskName(p.Name), p.DocumentMasked)).First();
            foreach (var p in found) whose["person:" + p.Id.ToString(CultureInfo.InvariantCulture)] = (SensitiveDataMasker.MaskName(p.Name), p.DocumentMasked);
            var actors = whose.Keys.Where(k => k.StartsWith("citizen:", StringComparison.Ordinal)).ToList();
            var targets = people.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
            entries = entries.Where(e => actors.Contains(e.Actor) || (e.TargetType == "person" && targets.Contains(e.TargetId!)));
        }
        if (From is { } from) { var start = LocalMidnight(from); entries = entries.Where(e => e.At >= start); }
        if (To is { } to) { var end = LocalMidnight(to.AddDays(1)); entries = entries.Where(e => e.At < end); }
        var page = await Paged(entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)).ToListAsync(ct);
        return page.Select(e =>
        {
            var person = whose.GetValueOrDefault(e.Actor, whose.GetValueOrDefault("person:" + e.TargetId));
            return new Row(e.At, person.Name, person.Document, "", $"{e.Action} · {e.TargetType}{(e.TargetId is null ? "" : " #" + e.TargetId)} · {e.Actor}", "");
        }).ToList();
    }

    private IQueryable<T> Paged<T>(IQueryable<T> ordered) => ordered.Skip((PageNumber - 1) * options.Value.PageSize).Take(options.Value.PageSize + 1);

    private long StaffId() => Current.Staff?.Id ?? throw new InvalidOperationException("the page requires a signed-in staff member");
}
