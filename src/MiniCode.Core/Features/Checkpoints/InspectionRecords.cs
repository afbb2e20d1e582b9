using MiniCode.Data;
using MiniCode.Features.Organisations;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// 排查记录: the records of the chosen organisation or site among those visible (<see cref="ScannerVisibility"/>). Senior
/// and intermediate scanners see every record reported to or scanned at the site; ordinary scanners only their own. Search by ID number goes through the blind index.
/// </summary>
public sealed class InspectionRecords(MiniCodeDbContext db, ScannerDirectory scanners, ScannerVisibility visibility, SiteTree tree, IOptions<CheckpointOptions> options)
{
    public async Task<ScanRecordPage> ListAsync(ScannerProfile me, long? organisationId, long? siteId, string? idNumber, int? page, CancellationToken ct)
    {
        var v = new InputValidator().Check(page is null or >= 1, "page", "页码须从1开始").Optional(idNumber, "idNumber", "身份证号", 18);
        v.ThrowIfInvalid();
        var sites = await ChosenSitesAsync(me, organisationId, siteId, ct);
        var query = Visible(me, sites);
        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            var index = scanners.IdNumberIndex(idNumber.Trim().ToUpperInvariant());
            var personIds = db.Set<Person>().Where(p => p.DocumentIndex == index).Select(p => p.Id);
            query = query.Where(r => personIds.Contains(r.PersonId));
        }
        var size = options.Value.PageSize;
        var number = page ?? 1;
        var total = await query.CountAsync(ct);
        var ids = await query.OrderByDescending(r => r.ScannedAt).ThenByDescending(r => r.Id)
            .Skip((number - 1) * size).Take(size).Select(r => r.Id).ToListAsync(ct);
        return new ScanRecordPage(await ViewsAsync(ids, false, ct), number, size, total);
    }

    public async Task<ScanRecordView> DetailAsync(ScannerProfile me, long id, CancellationToken ct)
    {
        var sites = await visibility.VisibleSiteIdsAsync(me, ct);
        if (!await Visible(me, sites).AnyAsync(r => r.Id == id, ct)) throw new ApiException(CheckpointErrors.RecordNotFound);
        return await ViewAsync(id, false, ct);
    }

    /// <summary>The record a scanner already stored under this idempotency key, as a replay.</summary>
    public async Task<ScanRecordView?> ByKeyAsync(long scannerId, string key, CancellationToken ct)
    {
        var id = await db.Set<ScanRecord>().Where(r => r.ScannerAccountId == scannerId && r.IdempotencyKey == key)
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await ViewAsync(id.Value, true, ct);
    }

    public async Task<ScanRecordView> ViewAsync(long id, bool replayed, CancellationToken ct) => (await ViewsAsync([id], replayed, ct)).Single();

    public static IReadOnlyList<ColorReasonView> Reasons(string codes, string texts)
    {
        var c = codes.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var t = texts.Split('；');
        return c.Select((code, i) => new ColorReasonView(code, i < t.Length ? t[i] : code)).ToList();
    }

    private IQueryable<ScanRecord> Visible(ScannerProfile me, IReadOnlyCollection<long> sites)
    {
        var siteIds = sites.ToList();
        // Reported to one of the sites, or scanned at one of them (one's own records stay visible when they were
        // reported only elsewhere).
        var query = db.Set<ScanRecord>().AsNoTracking().Where(r => siteIds.Contains(r.SiteId) || r.Sites.Any(s => siteIds.Contains(s.SiteId)));
        return me.Role == ScannerRole.Ordinary ? query.Where(r => r.ScannerAccountId == me.AccountId) : query;
    }

    /// <summary>
    /// The chosen site with the visible sites below it (its 下级站点's records roll up to it), the visible sites of the
    /// chosen organisation, or every visible site.
    /// </summary>
    private async Task<List<long>> ChosenSitesAsync(ScannerProfile me, long? organisationId, long? siteId, CancellationToken ct)
    {
        var visible = await visibility.VisibleSiteIdsAsync(me, ct);
        if (siteId is { } site)
            return visible.Contains(site)
                ? (await tree.SubtreeAsync([site], ct)).Where(visible.Contains).ToList()
                : throw new ApiException(CheckpointErrors.SiteNotVisible);
        if (organisationId is not { } org) return visible.ToList();
        var visibleIds = visible.ToList();
        var ofOrg = await db.Set<Site>().Where(s => s.OrganisationId == org && visibleIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        return ofOrg.Count > 0 ? ofOrg : throw new ApiException(CheckpointErrors.SiteNotVisible);
    }

    private async Task<List<ScanRecordView>> ViewsAsync(List<long> ids, bool replayed, CancellationToken ct)
    {
        var rows = await db.Set<ScanRecord>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();
        var persons = await db.Set<Person>().AsNoTracking().Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.Name, p.DocumentMasked }, ct);
        var siteIds = rows.Select(r => r.SiteId).Distinct().ToList();
        var siteNames = await db.Set<Site>().AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var scannerIds = rows.Select(r => r.ScannerAccountId).Distinct().ToList();
        var scannerNames = await db.Set<ScannerProfile>().AsNoTracking().Where(p => scannerIds.Contains(p.AccountId))
            .ToDictionaryAsync(p => p.AccountId, p => p.Name, ct);
        return ids.Select(id => rows.First(r => r.Id == id)).Select(r =>
        {
            var person = persons.GetValueOrDefault(r.PersonId);
            return new ScanRecordView(r.Id, r.Kind, Infrastructure.Logging.SensitiveDataMasker.MaskName(person?.Name), person?.DocumentMasked ?? "",
                r.Temperature, r.Color, Reasons(r.ReasonCodes, r.ReasonTexts), r.TurnBack, r.Remarks, r.SiteId, siteNames.GetValueOrDefault(r.SiteId, ""),
                r.ScannerAccountId, scannerNames.GetValueOrDefault(r.ScannerAccountId, ""), r.ScannedAt, replayed);
        }).ToList();
    }
}
