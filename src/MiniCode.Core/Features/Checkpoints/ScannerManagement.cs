using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Features.Checkpoints;

/// <summary>扫码员管理: the scanners of the caller's line (list, detail) and adding one (site and ID number first, then details).</summary>
public sealed class ScannerManagement(MiniCodeDbContext db, ScannerDirectory scanners, RealNameService realNames)
{
    public async Task<List<ScannerView>> ListAsync(ScannerProfile me, CancellationToken ct)
    {
        ScannerDirectory.RequireManager(me);
        var below = await scanners.DescendantsAsync(me.AccountId, ct);
        return (await scanners.Profiles().AsNoTracking().Where(p => below.Contains(p.AccountId)).OrderBy(p => p.AccountId).ToListAsync(ct))
            .Select(ScannerDirectory.ToView).ToList();
    }

    /// <summary>The caller themself or a scanner below them.</summary>
    public async Task<ScannerView> DetailAsync(ScannerProfile me, long accountId, CancellationToken ct) =>
        ScannerDirectory.ToView(accountId == me.AccountId ? me : await scanners.SubordinateAsync(me, accountId, ct));

    /// <summary>下一步 of adding a scanner: the site must be managed, the ID number valid and not yet a scanner's.</summary>
    public async Task<ScannerCheckResponse> CheckAsync(ScannerProfile me, ScannerCheckRequest body, CancellationToken ct)
    {
        var v = new InputValidator().Check(body.SiteId is not null, "siteId", "请选择所属站点");
        var doc = realNames.ParseResidentId(body.IdNumber, v);
        v.ThrowIfInvalid();
        await scanners.ManagedSiteAsync(me, body.SiteId!.Value, ct);
        var index = scanners.IdNumberIndex(doc!.Number);
        var taken = await db.Set<ScannerProfile>().AnyAsync(p => p.IdNumberIndex == index, ct);
        var roles = Enum.GetValues<ScannerRole>().Where(r => r > me.Role).ToList();
        return new ScannerCheckResponse(!taken, SensitiveDataMasker.MaskIdNumber(doc.Number), roles);
    }

    public async Task<ScannerView> AddAsync(ScannerProfile me, NewScannerRequest body, CancellationToken ct)
    {
        ScannerDirectory.RequireManager(me);
        var profile = await scanners.AddAsync(body, me, ScannerDirectory.Actor(me.AccountId), ct);
        await db.SaveChangesAsync(ct);
        return ScannerDirectory.ToView(profile);
    }
}
