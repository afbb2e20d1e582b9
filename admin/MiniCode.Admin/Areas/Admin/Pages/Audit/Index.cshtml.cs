using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Audit;

[RequirePermission(Permissions.Audit)]
[PlatformWide("the operation log is kept for the whole platform; audit.view is granted to the platform's auditors")]
public sealed class IndexModel(MiniCodeDbContext db, IOptions<AdminOptions> options) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? Operation { get; set; }
    [BindProperty(SupportsGet = true)] public string? TargetType { get; set; }
    [BindProperty(SupportsGet = true)] public string? TargetId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool HasMore { get; private set; }
    private Dictionary<string, string> _names = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Set<AuditEntry>().AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Actor)) query = query.Where(e => e.Actor == Actor.Trim());
        if (!string.IsNullOrWhiteSpace(Operation)) query = query.Where(e => e.Action.StartsWith(Operation.Trim()));
        if (!string.IsNullOrWhiteSpace(TargetType)) query = query.Where(e => e.TargetType == TargetType.Trim());
        if (!string.IsNullOrWhiteSpace(TargetId)) query = query.Where(e => e.TargetId == TargetId.Trim());
        if (From is { } from)
        {
            var start = LocalMidnight(from);
            query = query.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = LocalMidnight(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }
        PageNumber = Math.Max(1, PageNumber);
        var size = options.Value.PageSize;
        var rows = await query.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * size).Take(size + 1).ToListAsync(ct);
        HasMore = rows.Count > size;
        Entries = rows.Take(size).ToList();
        var staffIds = Entries.Select(e => e.Actor).Where(a => a.StartsWith("staff:", StringComparison.Ordinal))
            .Select(a => long.TryParse(a[6..], CultureInfo.InvariantCulture, out var id) ? id : 0).Distinct().ToList();
        _names = await db.Set<StaffMember>().AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .ToDictionaryAsync(s => "staff:" + s.Id.ToString(CultureInfo.InvariantCulture), s => $"{s.Name}（{s.Username}）", ct);
    }


    public string ActorName(string actor) => _names.TryGetValue(actor, out var name) ? name : actor;

    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm:ss");

    public string LinkFor(int page) => "/admin/audit?" + string.Join('&',
        new[] { ("actor", Actor), ("action", Operation), ("targetType", TargetType), ("targetId", TargetId),
                ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("p", page.ToString(CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
}
