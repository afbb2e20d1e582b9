namespace MiniCode.Features.Checkpoints;

/// <summary>
/// Whose scan records a scanner may read: the own site and the sites the scanner manages, nothing else. Report sites
/// (上报设置) are write-only targets: choosing another site of the organisation as a report site sends one's records
/// there but opens none of that site's records to the reader. This is the one place that decides it, so a richer notion
/// of managed sites (a site tree) changes visibility here alone.
/// </summary>
public sealed class ScannerVisibility(ScannerDirectory scanners)
{
    public async Task<HashSet<long>> VisibleSiteIdsAsync(ScannerProfile me, CancellationToken ct)
    {
        var ids = new HashSet<long> { me.SiteId };
        ids.UnionWith((await scanners.ManagedSitesAsync(me, ct)).Select(s => s.Id));
        return ids;
    }
}
