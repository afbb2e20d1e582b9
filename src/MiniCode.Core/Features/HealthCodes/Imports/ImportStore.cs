using System.Globalization;
using MiniCode.Data;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>
/// The stored health records of each import kind by their natural key (the unique index of each table): which rows of
/// a batch already exist, and writing a batch as upserts (the authority) or inserts only (approved staff imports).
/// Person rows arrive with <see cref="ImportRow.DocumentKey"/> already turned into the document's blind index.
/// </summary>
public sealed class ImportStore(MiniCodeDbContext db, BulkRecordWriter writer, TimeProvider time)
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
            RiskRow => await db.Set<RiskListEntry>().AsNoTracking().Where(r => indexes.Contains(r.DocumentIndex)).ToListAsync(ct),
            NucleicRow => await db.Set<NucleicAcidResult>().AsNoTracking().Where(r => indexes.Contains(r.DocumentIndex)).ToListAsync(ct),
            VaccinationRow => await db.Set<VaccinationRecord>().AsNoTracking().Where(r => indexes.Contains(r.DocumentIndex)).ToListAsync(ct),
            ApplicationRow => await db.Set<PriorApplication>().AsNoTracking().Where(r => indexes.Contains(r.DocumentIndex)).ToListAsync(ct),
            _ => await RegionsAsync(rows.Cast<RegionRow>().Select(r => r.RegionCode).Distinct().ToList(), ct),
        };
        return found.ToDictionary(KeyOf);
    }

    private async Task<List<HighRiskRegion>> RegionsAsync(List<string> codes, CancellationToken ct) =>
        await db.Set<HighRiskRegion>().AsNoTracking().Where(r => codes.Contains(r.RegionCode)).ToListAsync(ct);

    /// <summary>
    /// Adds or updates (<paramref name="insertOnly"/> false) the batch's records, later rows of the batch winning over
    /// earlier ones with the same key; with <paramref name="insertOnly"/> a row whose record exists (or came earlier in
    /// the batch) is left alone and returned. Written at once (<see cref="BulkRecordWriter"/>), in the caller's
    /// transaction. Person rows get the person id of <paramref name="personOf"/> (blind index → id).
    /// </summary>
    public async Task<List<ImportRow>> WriteAsync(IReadOnlyList<ImportRow> rows, IReadOnlyDictionary<string, long> personOf, bool insertOnly, CancellationToken ct)
    {
        var skipped = new List<ImportRow>();
        if (rows.Count == 0) return skipped;
        var winners = new Dictionary<string, ImportRow>(rows.Count, StringComparer.Ordinal);
        var existing = insertOnly ? await ExistingAsync(rows, ct) : [];
        foreach (var row in rows)
        {
            var key = NaturalKey(row);
            if (!insertOnly) winners[key] = row;
            else if (existing.ContainsKey(key) || !winners.TryAdd(key, row)) skipped.Add(row);
        }
        var now = time.GetUtcNow();
        long? PersonOf(string index) => personOf.TryGetValue(index, out var id) ? id : null;
        var written = winners.Values;
        await (rows[0] switch
        {
            RiskRow => WriteAsync(written.Cast<RiskRow>().Select(r => new RiskListEntry
            {
                DocumentIndex = r.DocumentKey!, Kind = r.Kind, StartsOn = r.StartsOn, EndsOn = r.EndsOn, PersonId = PersonOf(r.DocumentKey!), UpdatedAt = now,
            }), insertOnly, ct),
            NucleicRow => WriteAsync(written.Cast<NucleicRow>().Select(r => new NucleicAcidResult
            {
                DocumentIndex = r.DocumentKey!, SampledAt = r.SampledAt, Negative = r.Negative, Institution = r.Institution,
                PersonId = PersonOf(r.DocumentKey!), UpdatedAt = now,
            }), insertOnly, ct),
            VaccinationRow => WriteAsync(written.Cast<VaccinationRow>().Select(r => new VaccinationRecord
            {
                DocumentIndex = r.DocumentKey!, Dose = r.Dose, VaccinatedOn = r.VaccinatedOn, Product = r.Product, CompletesSeries = r.CompletesSeries,
                PersonId = PersonOf(r.DocumentKey!), UpdatedAt = now,
            }), insertOnly, ct),
            ApplicationRow => WriteAsync(written.Cast<ApplicationRow>().Select(r => new PriorApplication
            {
                DocumentIndex = r.DocumentKey!, AppliedOn = r.AppliedOn, PersonId = PersonOf(r.DocumentKey!), UpdatedAt = now,
            }), insertOnly, ct),
            _ => WriteAsync(written.Cast<RegionRow>().Select(r => new HighRiskRegion
            {
                RegionCode = r.RegionCode, StartsOn = r.StartsOn, EndsOn = r.EndsOn, UpdatedAt = now,
            }), insertOnly, ct),
        });
        return skipped;
    }

    private Task WriteAsync<T>(IEnumerable<T> records, bool insertOnly, CancellationToken ct) where T : class =>
        insertOnly ? writer.InsertAsync(records.ToList(), ct) : writer.UpsertAsync(records.ToList(), ct);

    /// <summary>Known persons among the batch's documents, blind index → person id (region for the jurisdiction check).</summary>
    public async Task<Dictionary<string, (long Id, string? RegionCode)>> PersonsAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var indexes = rows.Select(r => r.DocumentKey).OfType<string>().Distinct().ToList();
        if (indexes.Count == 0) return [];
        var persons = await db.Set<People.Person>().AsNoTracking().Where(p => indexes.Contains(p.DocumentIndex))
            .Select(p => new { p.Id, p.DocumentIndex, p.RegionCode }).ToListAsync(ct);
        return persons.ToDictionary(p => p.DocumentIndex, p => (p.Id, p.RegionCode));
    }
}
