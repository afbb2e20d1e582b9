using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Sites;

[RequirePermission(Permissions.Organisations)]
/// <summary>
/// 场所管理: the sites within the staff member's jurisdiction (all for staff without an organisation), by organisation and
/// name, as a tree (下级站点 below their site, with their level and count); a site outside the jurisdiction cannot be
/// started or stopped (404, as if it did not exist).
/// </summary>
public sealed class IndexModel(LineActions lines, SiteTree tree) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public long? OrganisationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    /// <summary>The sites in tree order: each site followed by its 下级站点 (a site whose parent is not listed starts a tree).</summary>
    public IReadOnlyList<SiteRow> Tree { get; private set; } = [];

    public sealed record SiteRow(Site Site, int Level, int SubSites, string? ParentName);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisations = await Within.Organisations.AsNoTracking().OrderBy(o => o.RegionCode).ThenBy(o => o.Name).ToListAsync(ct);
        var query = Within.Sites.AsNoTracking().Include(s => s.Organisation).AsQueryable();
        if (OrganisationId is { } orgId)
        {
            // A jurisdiction shows the sites of its own organisation and of every organisation below it.
            var ids = Descendants(orgId);
            query = query.Where(s => ids.Contains(s.OrganisationId));
        }
        if (!string.IsNullOrWhiteSpace(Keyword)) query = query.Where(s => s.Name.Contains(Keyword.Trim()));
        Sites = await query.OrderBy(s => s.RegionCode).ThenBy(s => s.Name).Take(500).ToListAsync(ct);
        Tree = InTreeOrder(Sites);
    }

    private static List<SiteRow> InTreeOrder(IReadOnlyList<Site> sites)
    {
        var levels = SiteTree.Levels(sites);
        var byId = sites.ToDictionary(s => s.Id);
        var rows = new List<SiteRow>();
        void Add(Site s)
        {
            if (rows.Any(r => r.Site.Id == s.Id)) return; // a corrupted cycle is shown once
            var children = sites.Where(c => c.ParentId == s.Id).ToList();
            rows.Add(new SiteRow(s, levels[s.Id], children.Count, s.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent.Name : null));
            foreach (var c in children) Add(c);
        }
        foreach (var root in sites.Where(s => levels[s.Id] == 0)) Add(root);
        return rows;
    }

    public async Task<IActionResult> OnPostToggleAsync(long id, CancellationToken ct)
    {
        var site = await Within.Sites.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (site is null) return NotFound();
        var before = new { Status = site.Status.ToString() };
        site.Status = site.Status == SiteStatus.Active ? SiteStatus.Stopped : SiteStatus.Active;
        // Stopping is what the app's 停用站点 does: the site and its 下级站点 stop, their scanner accounts are disabled and
        // their sessions end. Starting starts this site only.
        IReadOnlyList<long> disabled = [];
        if (site.Status == SiteStatus.Stopped)
        {
            var below = await tree.SubtreeAsync([site.Id], ct);
            foreach (var sub in await Within.Sites.Where(s => below.Contains(s.Id) && s.Id != site.Id).ToListAsync(ct)) sub.Status = SiteStatus.Stopped;
            var scannerIds = await Db.Set<ScannerProfile>().Where(p => below.Contains(p.SiteId)).Select(p => p.AccountId).ToListAsync(ct);
            disabled = (await lines.DisableAsync(scannerIds, ct)).AccountIds;
        }
        await Audit.RecordAsync(site.Status == SiteStatus.Active ? "site.start" : "site.stop", "site", id, before,
            new { Status = site.Status.ToString(), DisabledScanners = disabled }, ct);
        Flash(site.Status == SiteStatus.Active ? $"场所“{site.Name}”已启用" : $"场所“{site.Name}”已停用，其 {disabled.Count} 个扫码账号已停用并退出登录");
        return RedirectToPage(new { OrganisationId, Keyword });
    }

    private HashSet<long> Descendants(long root)
    {
        var ids = new HashSet<long> { root };
        for (var added = true; added;)
        {
            added = false;
            foreach (var o in Organisations)
                if (o.ParentId is { } p && ids.Contains(p) && ids.Add(o.Id)) added = true;
        }
        return ids;
    }
}
