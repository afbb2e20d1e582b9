using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Organisations;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// 站点管理: the sites a senior or intermediate scanner manages (their sites and every 下级站点 below them, see
/// <see cref="SiteTree"/>), with the scanners of their line there and the counts per site and level; add a 下级站点,
/// edit, stop (with everything below).
/// </summary>
public sealed class SiteManagement(MiniCodeDbContext db, ScannerDirectory scanners, SiteTree tree, LineActions lines, AuditLog audit,
    IOptions<CheckpointOptions> options, TimeProvider time)
{
    public async Task<List<ManagedSiteView>> ListAsync(ScannerProfile me, CancellationToken ct)
    {
        ScannerDirectory.RequireManager(me);
        var sites = await scanners.ManagedSitesAsync(me, ct);
        var below = await scanners.DescendantsAsync(me.AccountId, ct);
        var staff = await scanners.Profiles().AsNoTracking().Where(p => below.Contains(p.AccountId)).OrderBy(p => p.AccountId).ToListAsync(ct);
        var levels = SiteTree.Levels(sites);
        var views = new List<ManagedSiteView>();
        foreach (var s in sites.OrderBy(s => levels[s.Id]).ThenBy(s => s.Id))
        {
            var subtree = Subtree(sites, s.Id);
            views.Add(new ManagedSiteView(ScannerDirectory.ToView(s), staff.Where(p => p.SiteId == s.Id).Select(ScannerDirectory.ToView).ToList(),
                levels[s.Id], sites.Count(c => c.ParentId == s.Id), await RecordsAtAsync([s.Id], ct), await RecordsAtAsync(subtree, ct)));
        }
        return views;
    }

    /// <summary>Per level of the managed tree: sites (and how many are active), scanners of any line there, records there.</summary>
    public async Task<List<SiteLevelCount>> LevelsAsync(ScannerProfile me, CancellationToken ct)
    {
        ScannerDirectory.RequireManager(me);
        var sites = await scanners.ManagedSitesAsync(me, ct);
        var levels = SiteTree.Levels(sites);
        var result = new List<SiteLevelCount>();
        foreach (var level in sites.GroupBy(s => levels[s.Id]).OrderBy(g => g.Key))
        {
            var ids = level.Select(s => s.Id).ToList();
            var staff = await db.Set<ScannerProfile>().CountAsync(p => ids.Contains(p.SiteId), ct);
            result.Add(new SiteLevelCount(level.Key, ids.Count, level.Count(s => s.Status == SiteStatus.Active), staff, await RecordsAtAsync(ids, ct)));
        }
        return result;
    }

    /// <summary>
    /// Adds a 下级站点 below a managed site (default: the scanner's own site), in that site's organisation, at most
    /// <see cref="CheckpointOptions.MaxSubSiteDepth"/> levels below the top site; the scanner manages it from then on.
    /// </summary>
    public async Task<SiteView> AddAsync(ScannerProfile me, SiteRequest body, CancellationToken ct)
    {
        ScannerDirectory.RequireManager(me);
        var parent = await scanners.ManagedSiteAsync(me, body.ParentId ?? me.SiteId, ct);
        var org = parent.Organisation!;
        var v = Validate(body, org);
        var maxDepth = options.Value.MaxSubSiteDepth;
        v.Check(await tree.LevelAsync(parent.Id, ct) < maxDepth, "parentId", $"下级站点最多{maxDepth}级");
        v.Check(parent.Status == SiteStatus.Active, "parentId", "上级站点已停用");
        v.ThrowIfInvalid();
        var site = new Site
        {
            OrganisationId = org.Id, Organisation = org, ParentId = parent.Id, Name = body.Name!.Trim(), RegionCode = body.RegionCode!.Trim(),
            Address = ScannerDirectory.Blank(body.Address), Remarks = ScannerDirectory.Blank(body.Remarks), Status = SiteStatus.Active,
            CreatedAt = time.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(site);
        await db.SaveChangesAsync(ct);
        db.Add(new ManagedSite { AccountId = me.AccountId, SiteId = site.Id });
        audit.Record(ScannerDirectory.Actor(me.AccountId), "checkpoint.site_create", "site", Id(site.Id),
            after: new { site.Name, site.OrganisationId, site.ParentId, site.RegionCode, site.Address, site.Remarks });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ScannerDirectory.ToView(site);
    }

    public async Task<SiteView> EditAsync(ScannerProfile me, long siteId, SiteRequest body, CancellationToken ct)
    {
        var site = await scanners.ManagedSiteAsync(me, siteId, ct);
        Validate(body, site.Organisation!).ThrowIfInvalid();
        var before = new { site.Name, site.RegionCode, site.Address, site.Remarks };
        site.Name = body.Name!.Trim();
        site.RegionCode = body.RegionCode!.Trim();
        site.Address = ScannerDirectory.Blank(body.Address);
        site.Remarks = ScannerDirectory.Blank(body.Remarks);
        audit.Record(ScannerDirectory.Actor(me.AccountId), "checkpoint.site_edit", "site", Id(site.Id), before,
            new { site.Name, site.RegionCode, site.Address, site.Remarks });
        await db.SaveChangesAsync(ct);
        return ScannerDirectory.ToView(site);
    }

    /// <summary>
    /// 停用站点: the site and every 下级站点 below it stop, every scanner account of them is disabled, their sessions
    /// ended.
    /// </summary>
    public async Task<LineActionResult> StopAsync(ScannerProfile me, long siteId, CancellationToken ct)
    {
        var site = await scanners.ManagedSiteAsync(me, siteId, ct);
        var stopped = await tree.SubtreeAsync([site.Id], ct);
        // Tracked, so the sites stop in the same transaction as the accounts (saved by DisableAsync).
        foreach (var s in await db.Set<Site>().Where(s => stopped.Contains(s.Id)).ToListAsync(ct)) s.Status = SiteStatus.Stopped;
        var users = await db.Set<ScannerProfile>().Where(p => stopped.Contains(p.SiteId)).Select(p => p.AccountId).ToListAsync(ct);
        audit.Record(ScannerDirectory.Actor(me.AccountId), "checkpoint.site_stop", "site", Id(site.Id),
            after: new { sites = stopped.Order().ToList(), accounts = users });
        return await lines.DisableAsync(users, ct);
    }

    /// <summary>Distinct scan records reported to any of <paramref name="siteIds"/>.</summary>
    private Task<int> RecordsAtAsync(IReadOnlyCollection<long> siteIds, CancellationToken ct)
    {
        var ids = siteIds.ToList();
        return db.Set<ScanRecordSite>().Where(r => ids.Contains(r.SiteId)).Select(r => r.ScanRecordId).Distinct().CountAsync(ct);
    }

    private static List<long> Subtree(IReadOnlyCollection<Site> sites, long rootId)
    {
        var ids = new List<long> { rootId };
        for (var i = 0; i < ids.Count; i++) ids.AddRange(sites.Where(s => s.ParentId == ids[i] && !ids.Contains(s.Id)).Select(s => s.Id));
        return ids;
    }

    private static InputValidator Validate(SiteRequest body, Organisation org)
    {
        var region = body.RegionCode?.Trim();
        var v = new InputValidator().Required(body.Name?.Trim(), "name", "站点名称", 100)
            .Check(RegionCodes.IsValid(region), "regionCode", "地区编码应为6位数字")
            .Optional(body.Address, "address", "地址", 200).Optional(body.Remarks, "remarks", "备注", 500);
        if (RegionCodes.IsValid(region)) v.Check(RegionCodes.Covers(org.RegionCode, region!), "regionCode", "站点必须在所属机构的辖区内");
        return v;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
