using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Organisations;

[RequirePermission(Permissions.Organisations)]
/// <summary>
/// 机构管理: the jurisdiction tree of the organisations within the staff member's jurisdiction (all for staff without an
/// organisation), filtered by keyword; the database picks the organisations of the jurisdiction.
/// </summary>
public sealed class IndexModel : RegionalPageModel
{
    public sealed record Node(Organisation Org, List<Node> Children);

    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    public IReadOnlyList<Node> Roots { get; private set; } = [];
    public IReadOnlyList<Organisation> Matches { get; private set; } = [];
    private Dictionary<long, Organisation> _byId = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The keyword is matched below among these (case-insensitively, on name, code and address); the tree needs every
        // organisation of the jurisdiction anyway to show a match under its in-jurisdiction ancestors.
        var all = await Within.Organisations.AsNoTracking().OrderBy(o => o.RegionCode).ThenBy(o => o.Name).ToListAsync(ct);
        _byId = all.ToDictionary(o => o.Id);
        var keyword = Keyword?.Trim();
        Matches = string.IsNullOrEmpty(keyword) ? all : all.Where(o => o.Name.Contains(keyword, StringComparison.OrdinalIgnoreCase)
            || o.RegionCode.StartsWith(keyword, StringComparison.Ordinal) || (o.Address ?? "").Contains(keyword, StringComparison.OrdinalIgnoreCase)).ToList();

        // The tree shows the matches and their ancestors, so a match is always seen in its place in the jurisdiction.
        var visible = new HashSet<long>();
        foreach (var m in Matches)
            for (Organisation? o = m; o is not null && visible.Add(o.Id); o = o.ParentId is { } p ? _byId.GetValueOrDefault(p) : null) { }
        var nodes = all.Where(o => visible.Contains(o.Id)).ToDictionary(o => o.Id, o => new Node(o, []));
        foreach (var n in nodes.Values)
            if (n.Org.ParentId is { } parent && nodes.TryGetValue(parent, out var p)) p.Children.Add(n);
        Roots = nodes.Values.Where(n => n.Org.ParentId is null || !nodes.ContainsKey(n.Org.ParentId.Value)).ToList();
    }

    /// <summary>"吉林省 / 长春市" for a parent id.</summary>
    public string PathOf(long? id)
    {
        var names = new List<string>();
        for (var o = id is { } i ? _byId.GetValueOrDefault(i) : null; o is not null && names.Count < 10; o = o.ParentId is { } p ? _byId.GetValueOrDefault(p) : null)
            names.Insert(0, o.Name);
        return string.Join(" / ", names);
    }
}
