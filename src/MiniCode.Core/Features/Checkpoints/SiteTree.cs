using MiniCode.Data;
using MiniCode.Features.Organisations;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// 下级站点: sites form a tree by <see cref="Site.ParentId"/>. A senior or intermediate scanner manages the subtrees of
/// their own site and of the sites they added or took over; an ordinary scanner manages none. Records of a site roll up
/// to every site above it.
/// </summary>
public sealed class SiteTree(MiniCodeDbContext db)
{
    /// <summary>
    /// The sites <paramref name="scanner"/> manages: their own site's subtree and those of the sites they added or took
    /// over (empty for an ordinary scanner). The one answer to "managed sites" (site management, record visibility).
    /// </summary>
    public async Task<HashSet<long>> ManagedSiteIdsAsync(ScannerProfile scanner, CancellationToken ct)
    {
        if (scanner.Role == ScannerRole.Ordinary) return [];
        var roots = await db.Set<ManagedSite>().Where(m => m.AccountId == scanner.AccountId).Select(m => m.SiteId).ToListAsync(ct);
        roots.Add(scanner.SiteId);
        return await SubtreeAsync(roots, ct);
    }

    /// <summary>The given sites and every site below them.</summary>
    public async Task<HashSet<long>> SubtreeAsync(IEnumerable<long> roots, CancellationToken ct)
    {
        var all = roots.ToHashSet();
        var frontier = all.ToList();
        while (frontier.Count > 0)
        {
            var parents = frontier;
            frontier = await db.Set<Site>().Where(s => s.ParentId != null && parents.Contains(s.ParentId.Value)).Select(s => s.Id).ToListAsync(ct);
            frontier.RemoveAll(id => !all.Add(id)); // a corrupted cycle must not loop forever
        }
        return all;
    }

    /// <summary>How far below its top site a site is: 0 for a top site, 1 for its children, ….</summary>
    public async Task<int> LevelAsync(long siteId, CancellationToken ct)
    {
        var level = 0;
        var seen = new HashSet<long> { siteId };
        while (await db.Set<Site>().Where(s => s.Id == siteId).Select(s => s.ParentId).FirstOrDefaultAsync(ct) is { } parent && seen.Add(parent))
        {
            level++;
            siteId = parent;
        }
        return level;
    }

    /// <summary>Levels of the given sites relative to the nearest of them above (a site whose parent is not among them is level 0).</summary>
    public static Dictionary<long, int> Levels(IReadOnlyCollection<Site> sites)
    {
        var byId = sites.ToDictionary(s => s.Id);
        var levels = new Dictionary<long, int>();
        int Of(Site s, int guard) => levels.TryGetValue(s.Id, out var l) ? l
            : levels[s.Id] = s.ParentId is { } p && byId.TryGetValue(p, out var parent) && guard < byId.Count ? Of(parent, guard + 1) + 1 : 0;
        foreach (var s in sites) Of(s, 0);
        return levels;
    }
}
