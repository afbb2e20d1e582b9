using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>A source row: its line number (CSV line, or 1-based JSON element), raw text for the report, and its fields.</summary>
public sealed record SourceRow(long Line, string Raw, IReadOnlyDictionary<string, string?> Fields);

/// <summary>
/// Imports health-authority data streamed row by row (never the whole file in memory): each batch is validated,
/// upserted on its natural key (so the same file twice leaves the same state) and saved; rejected rows are stored for
/// the report; then every affected known person's colour is recomputed (cause "import.&lt;kind&gt;").
/// </summary>
public sealed class HealthDataImporter(MiniCodeDbContext db, PersonalDataProtector protector, HealthStatusService statuses,
    NoticeDispatcher notices, AuditLog audit, IOptions<ImportOptions> options, TimeProvider time, BusinessCalendar calendar)
{
    public async Task<HealthDataImport> ImportAsync(ImportKind kind, string format, string submittedBy, IAsyncEnumerable<SourceRow> rows, CancellationToken ct)
    {
        var import = new HealthDataImport { Kind = kind, Format = format, SubmittedBy = submittedBy, StartedAt = time.GetUtcNow() };
        db.Add(import);
        await db.SaveChangesAsync(ct);
        var affected = new HashSet<long>();
        var regions = new HashSet<string>();
        var today = calendar.Today();
        var batch = new List<(long Line, ImportRow Row)>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            import.TotalRows++;
            var (parsed, error) = ImportRowParser.Parse(kind, row.Fields, today);
            if (parsed is null)
            {
                import.RejectedRows++;
                if (import.RejectedRows <= options.Value.MaxStoredRejections)
                    db.Add(new HealthDataImportRejection { ImportId = import.Id, Line = row.Line, Reason = error!, Raw = row.Raw.Length > 1000 ? row.Raw[..1000] : row.Raw });
                continue;
            }
            batch.Add((row.Line, parsed));
            if (batch.Count >= options.Value.BatchSize) await FlushAsync(import, batch, affected, regions, ct);
        }
        await FlushAsync(import, batch, affected, regions, ct);
        if (regions.Count > 0) affected.UnionWith(await PersonsInRegionsAsync(regions, ct));

        import.RecomputedPersons = affected.Count;
        foreach (var chunk in affected.Order().Chunk(options.Value.BatchSize))
        {
            foreach (var personId in chunk) await statuses.RecomputeAsync(personId, "import." + WireName(kind), $"authority:import-{import.Id}", ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await notices.FlushAsync(ct);
        }
        import.FinishedAt = time.GetUtcNow();
        db.Attach(import).State = EntityState.Modified;
        audit.Record(submittedBy, "health_data.import", "health_data_import", import.Id.ToString(CultureInfo.InvariantCulture), null,
            new { kind, import.TotalRows, import.AcceptedRows, import.RejectedRows, import.RecomputedPersons });
        await db.SaveChangesAsync(ct);
        return import;
    }

    private async Task FlushAsync(HealthDataImport import, List<(long Line, ImportRow Row)> batch, HashSet<long> affected, HashSet<string> regions, CancellationToken ct)
    {
        if (batch.Count > 0)
        {
            var now = time.GetUtcNow();
            // Later rows of the same file win over earlier ones with the same natural key.
            var rows = batch.Select(b => b.Row).ToList();
            var keyToIndex = rows.Where(r => r.DocumentKey is not null).Select(r => r.DocumentKey!).Distinct().ToDictionary(k => k, protector.BlindIndex);
            var distinct = keyToIndex.Values.Distinct().ToList();
            var persons = await db.Set<People.Person>().Where(p => distinct.Contains(p.DocumentIndex)).Select(p => new { p.Id, p.DocumentIndex }).ToListAsync(ct);
            var personOf = persons.ToDictionary(p => p.DocumentIndex, p => p.Id);
            affected.UnionWith(persons.Select(p => p.Id));
            switch (rows[0])
            {
                case RiskRow:
                    var risks = await db.Set<RiskListEntry>().Where(r => distinct.Contains(r.DocumentIndex)).ToListAsync(ct);
                    foreach (RiskRow r in rows)
                    {
                        var index = keyToIndex[r.DocumentKey!];
                        var e = risks.FirstOrDefault(x => x.DocumentIndex == index && x.Kind == r.Kind && x.StartsOn == r.StartsOn);
                        if (e is null) { e = new RiskListEntry { DocumentIndex = index, Kind = r.Kind, StartsOn = r.StartsOn }; db.Add(e); risks.Add(e); }
                        e.EndsOn = r.EndsOn; e.PersonId = personOf.GetValueOrDefault(index) is var p && p != 0 ? p : null; e.UpdatedAt = now;
                    }
                    break;
                case NucleicRow:
                    var results = await db.Set<NucleicAcidResult>().Where(r => distinct.Contains(r.DocumentIndex)).ToListAsync(ct);
                    foreach (NucleicRow r in rows)
                    {
                        var index = keyToIndex[r.DocumentKey!];
                        var e = results.FirstOrDefault(x => x.DocumentIndex == index && x.SampledAt == r.SampledAt);
                        if (e is null) { e = new NucleicAcidResult { DocumentIndex = index, SampledAt = r.SampledAt }; db.Add(e); results.Add(e); }
                        e.Negative = r.Negative; e.Institution = r.Institution; e.PersonId = personOf.GetValueOrDefault(index) is var p && p != 0 ? p : null; e.UpdatedAt = now;
                    }
                    break;
                case VaccinationRow:
                    var doses = await db.Set<VaccinationRecord>().Where(r => distinct.Contains(r.DocumentIndex)).ToListAsync(ct);
                    foreach (VaccinationRow r in rows)
                    {
                        var index = keyToIndex[r.DocumentKey!];
                        var e = doses.FirstOrDefault(x => x.DocumentIndex == index && x.Dose == r.Dose);
                        if (e is null) { e = new VaccinationRecord { DocumentIndex = index, Dose = r.Dose }; db.Add(e); doses.Add(e); }
                        e.VaccinatedOn = r.VaccinatedOn; e.Product = r.Product; e.CompletesSeries = r.CompletesSeries;
                        e.PersonId = personOf.GetValueOrDefault(index) is var p && p != 0 ? p : null; e.UpdatedAt = now;
                    }
                    break;
                case ApplicationRow:
                    var applications = await db.Set<PriorApplication>().Where(r => distinct.Contains(r.DocumentIndex)).ToListAsync(ct);
                    foreach (ApplicationRow r in rows)
                    {
                        var index = keyToIndex[r.DocumentKey!];
                        var e = applications.FirstOrDefault(x => x.DocumentIndex == index);
                        if (e is null) { e = new PriorApplication { DocumentIndex = index }; db.Add(e); applications.Add(e); }
                        e.AppliedOn = r.AppliedOn; e.PersonId = personOf.GetValueOrDefault(index) is var p && p != 0 ? p : null; e.UpdatedAt = now;
                    }
                    break;
                default:
                    var codes = rows.Cast<RegionRow>().Select(r => r.RegionCode).Distinct().ToList();
                    var existing = await db.Set<HighRiskRegion>().Where(r => codes.Contains(r.RegionCode)).ToListAsync(ct);
                    foreach (RegionRow r in rows)
                    {
                        var e = existing.FirstOrDefault(x => x.RegionCode == r.RegionCode && x.StartsOn == r.StartsOn);
                        if (e is null) { e = new HighRiskRegion { RegionCode = r.RegionCode, StartsOn = r.StartsOn }; db.Add(e); existing.Add(e); }
                        e.EndsOn = r.EndsOn; e.UpdatedAt = now;
                        regions.Add(r.RegionCode);
                    }
                    break;
            }
            import.AcceptedRows += batch.Count;
        }
        db.Entry(import).State = import.Id == 0 ? EntityState.Added : EntityState.Modified;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    /// <summary>
    /// Known persons declared or registered in any of the regions (trailing "00" pairs widen a code to the city / province):
    /// one streaming pass over declarations and statuses, matched against the prefixes in memory, whatever the file size.
    /// </summary>
    private async Task<IReadOnlyCollection<long>> PersonsInRegionsAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var prefixes = codes.Select(c => c.EndsWith("0000", StringComparison.Ordinal) ? c[..2] : c.EndsWith("00", StringComparison.Ordinal) ? c[..4] : c).ToHashSet();
        bool Matches(string? code) => code is { Length: 6 } && (prefixes.Contains(code[..2]) || prefixes.Contains(code[..4]) || prefixes.Contains(code));
        var result = new HashSet<long>();
        await foreach (var d in db.Set<Declarations.HealthDeclaration>().AsNoTracking().Select(d => new { d.PersonId, d.RegionCode }).AsAsyncEnumerable().WithCancellation(ct))
            if (Matches(d.RegionCode)) result.Add(d.PersonId);
        var registered = db.Set<People.Person>().AsNoTracking().Where(p => p.RegionCode != null && db.Set<HealthStatus>().Any(s => s.PersonId == p.Id))
            .Select(p => new { p.Id, p.RegionCode });
        await foreach (var p in registered.AsAsyncEnumerable().WithCancellation(ct))
            if (Matches(p.RegionCode)) result.Add(p.Id);
        return result;
    }

    public static string WireName(ImportKind kind) => kind switch
    {
        ImportKind.RiskList => "risk-list",
        ImportKind.Regions => "regions",
        ImportKind.NucleicAcid => "nucleic-acid",
        ImportKind.PriorApplications => "applications",
        _ => "vaccinations",
    };
}
