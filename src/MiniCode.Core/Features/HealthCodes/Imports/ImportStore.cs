using System.Globalization;
using MiniCode.Data;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>
/// The stored health records of each import kind by their natural key (the unique index of each table): which rows of
/// a batch already exist, and writing a batch as upserts (the authority) or inserts only (approved staff imports).
/// Person rows arrive with <see cref="ImportRow.DocumentKey"/> already turned into the document's blind index.
/// </summary>
public sealed class ImportStore(MiniCodeDbContext db, TimeProvider time)
{
    /// <summary>The natural key of a row: the same text as <see cref="KeyOf(object)"/> gives for the stored record.</summary>
    public static string NaturalKey(ImportRow row) => row switch
    {
        RiskRow r => Key(r.DocumentKey!, r.Kind, r.StartsOn),
        NucleicRow r => Key(r.DocumentKey!, r.SampledAt.UtcTicks),
        VaccinationRow r => Key(r.DocumentKey!, r.Dose),
        ApplicationRow r => r.DocumentKey!,
        RegionRow r => Key(r.RegionCode, r.StartsOn),
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    private static string KeyOf(object record) => record switch
    {
        RiskListEntry e => Key(e.DocumentIndex, e.Kind, e.StartsOn),
        NucleicAcidResult e => Key(e.DocumentIndex, e.SampledAt.UtcTicks),
        VaccinationRecord e => Key(e.DocumentIndex, e.Dose),
        PriorApplication e => e.DocumentIndex,
        HighRiskRegion e => Key(e.RegionCode, e.StartsOn),
        _ => throw new ArgumentOutOfRangeException(nameof(record)),
    };

    private static string Key(params object[] parts) => string.Join('|', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));

    /// <summary>The stored records among the natural keys of <paramref name="rows"/> (all of one kind), by key.</summary>
    public async Task<Dictionary<string, object>> ExistingAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var indexes = rows.Select(r => r.DocumentKey).OfType<string>().Distinct().ToList();
        IEnumerable<object> found = rows[0] switch
        {
            RiskRow => await db.Set<RiskListEntry>().Where(r => indexes.Contains(r.DocumentIndex)).ToListAsync(ct),
            NucleicRow => await db.Set<NucleicAcidResult>().Where(r => indexes.Contains(r.DocumentIndex)).ToListAsync(ct),
            VaccinationRow => await db.Set<VaccinationRecord>().Where(r => indexes.Contains(r.DocumentIndex)).ToListAsync(ct),
            ApplicationRow => await db.Set<PriorApplication>().Where(r => indexes.Contains(r.DocumentIndex)).ToListAsync(ct),
            _ => await RegionsAsync(rows.Cast<RegionRow>().Select(r => r.RegionCode).Distinct().ToList(), ct),
        };
        return found.ToDictionary(KeyOf);
    }

    private async Task<List<HighRiskRegion>> RegionsAsync(List<string> codes, CancellationToken ct) =>
        await db.Set<HighRiskRegion>().Where(r => codes.Contains(r.RegionCode)).ToListAsync(ct);

    /// <summary>
    /// Adds or updates (<paramref name="insertOnly"/> false) the batch's records; with <paramref name="insertOnly"/> a row
    /// whose record exists is left alone and returned. Later rows of a batch win over earlier ones with the same key.
    /// The caller saves. Person rows get the person id of <paramref name="personOf"/> (blind index → id).
    /// </summary>
    public async Task<List<ImportRow>> WriteAsync(IReadOnlyList<ImportRow> rows, IReadOnlyDictionary<string, long> personOf, bool insertOnly, CancellationToken ct)
    {
        var existing = await ExistingAsync(rows, ct);
        var skipped = new List<ImportRow>();
        var now = time.GetUtcNow();
        long? PersonOf(string index) => personOf.TryGetValue(index, out var id) ? id : null;
        foreach (var row in rows)
        {
            var key = NaturalKey(row);
            if (existing.TryGetValue(key, out var stored) && insertOnly)
            {
                skipped.Add(row);
                continue;
            }
            switch (row)
            {
                case RiskRow r:
                    var risk = stored as RiskListEntry ?? Added(new RiskListEntry { DocumentIndex = r.DocumentKey!, Kind = r.Kind, StartsOn = r.StartsOn }, key, existing);
                    (risk.EndsOn, risk.PersonId, risk.UpdatedAt) = (r.EndsOn, PersonOf(r.DocumentKey!), now);
                    break;
                case NucleicRow r:
                    var result = stored as NucleicAcidResult ?? Added(new NucleicAcidResult { DocumentIndex = r.DocumentKey!, SampledAt = r.SampledAt }, key, existing);
                    (result.Negative, result.Institution, result.PersonId, result.UpdatedAt) = (r.Negative, r.Institution, PersonOf(r.DocumentKey!), now);
                    break;
                case VaccinationRow r:
                    var dose = stored as VaccinationRecord ?? Added(new VaccinationRecord { DocumentIndex = r.DocumentKey!, Dose = r.Dose }, key, existing);
                    (dose.VaccinatedOn, dose.Product, dose.CompletesSeries, dose.PersonId, dose.UpdatedAt) =
                        (r.VaccinatedOn, r.Product, r.CompletesSeries, PersonOf(r.DocumentKey!), now);
                    break;
                case ApplicationRow r:
                    var application = stored as PriorApplication ?? Added(new PriorApplication { DocumentIndex = r.DocumentKey! }, key, existing);
                    (application.AppliedOn, application.PersonId, application.UpdatedAt) = (r.AppliedOn, PersonOf(r.DocumentKey!), now);
                    break;
                case RegionRow r:
                    var region = stored as HighRiskRegion ?? Added(new HighRiskRegion { RegionCode = r.RegionCode, StartsOn = r.StartsOn }, key, existing);
                    (region.EndsOn, region.UpdatedAt) = (r.EndsOn, now);
                    break;
            }
        }
        return skipped;
    }

    /// <summary>Known persons among the batch's documents, blind index → person id (region for the jurisdiction check).</summary>
    public async Task<Dictionary<string, (long Id, string? RegionCode)>> PersonsAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var indexes = rows.Select(r => r.DocumentKey).OfType<string>().Distinct().ToList();
        if (indexes.Count == 0) return [];
        var persons = await db.Set<People.Person>().AsNoTracking().Where(p => indexes.Contains(p.DocumentIndex))
            .Select(p => new { p.Id, p.DocumentIndex, p.RegionCode }).ToListAsync(ct);
        return persons.ToDictionary(p => p.DocumentIndex, p => (p.Id, p.RegionCode));
    }

    private T Added<T>(T record, string key, Dictionary<string, object> existing) where T : class
    {
        db.Add(record);
        existing[key] = record;
        return record;
    }
}
