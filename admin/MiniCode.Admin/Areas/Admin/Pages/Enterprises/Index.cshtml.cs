using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Enterprises;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Enterprises;

/// <summary>企业码管理: enterprises registered within the jurisdiction, by name, credit code or 码编号, with their bound staff count.</summary>
[RequirePermission(Permissions.Enterprises)]
public sealed class IndexModel : RegionalPageModel
{
    public sealed record Row(Enterprise Enterprise, int BoundStaff);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public EnterpriseStatus? Status { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Within.Enterprises.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            var upper = q.ToUpperInvariant();
            query = query.Where(e => e.Name.Contains(q) || e.CreditCode == upper || e.CodeNumber == upper);
        }
        if (Status is { } status) query = query.Where(e => e.Status == status);
        var bindings = Within.EnterpriseBindings.Where(b => b.RemovedAt == null);
        var rows = await query.OrderBy(e => e.RegionCode).ThenBy(e => e.Name).Take(500)
            .Select(e => new { e, Bound = bindings.Count(b => b.EnterpriseId == e.Id) }).ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.e, r.Bound)).ToList();
    }
}
