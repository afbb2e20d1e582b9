using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Organisations;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Checkpoints;

/// <summary>站点管理: the sites a senior or intermediate scanner manages, with the scanners of their line there; add, edit, stop.</summary>
public sealed class SiteManagement(MiniCodeDbContext db, ScannerDirectory scanners, LineActions lines, AuditLog audit, TimeProvider time)
{
    public async Task<List<ManagedSiteView>> ListAsync(ScannerProfile me, CancellationToken ct)
    {
        ScannerDirectory.RequireManager(me);
        var sites = await scanners.ManagedSitesAsync(me, ct);
        var below = await scanners.DescendantsAsync(me.AccountId, ct);
        var staff = await scanners.Profiles().AsNoTracking().Where(p => below.Contains(p.AccountId)).OrderBy(p => p.AccountId).ToListAsync(ct);
        return sites.Select(s => new ManagedSiteView(ScannerDirectory.ToView(s),
            staff.Where(p => p.SiteId == s.Id).Select(ScannerDirectory.ToView).ToList())).ToList();
    }

    /// <summary>Adds a site to the organisation of the scanner's own site; the scanner manages it from then on.</summary>
    public async Task<SiteView> AddAsync(ScannerProfile me, SiteRequest body, CancellationToken ct)
    {
        ScannerDirectory.RequireManager(me);
        var org = me.Site!.Organisation!;
        Validate(body, org).ThrowIfInvalid();
        var site = new Site
        {
            OrganisationId = org.Id, Organisation = org, Name = body.Name!.Trim(), RegionCode = body.RegionCode!.Trim(),
            Address = ScannerDirectory.Blank(body.Address), Remarks = ScannerDirectory.Blank(body.Remarks), Status = SiteStatus.Active,
            CreatedAt = time.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(site);
        await db.SaveChangesAsync(ct);
        db.Add(new ManagedSite { AccountId = me.AccountId, SiteId = site.Id });
        audit.Record(ScannerDirectory.Actor(me.AccountId), "checkpoint.site_create", "site", Id(site.Id),
            after: new { site.Name, site.OrganisationId, site.RegionCode, site.Address, site.Remarks });
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

    /// <summary>停用站点: the site stops and every scanner account of it is disabled, their sessions ended.</summary>
    public async Task<LineActionResult> StopAsync(ScannerProfile me, long siteId, CancellationToken ct)
    {
        var site = await scanners.ManagedSiteAsync(me, siteId, ct);
        site.Status = SiteStatus.Stopped;
        var users = await db.Set<ScannerProfile>().Where(p => p.SiteId == site.Id).Select(p => p.AccountId).ToListAsync(ct);
        audit.Record(ScannerDirectory.Actor(me.AccountId), "checkpoint.site_stop", "site", Id(site.Id), after: new { accounts = users });
        return await lines.DisableAsync(users, ct);
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
