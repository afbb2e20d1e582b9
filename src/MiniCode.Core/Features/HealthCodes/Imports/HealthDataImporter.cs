using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>A source row: its line number (CSV line, or 1-based JSON element), raw text for the report, and its fields.</summary>
public sealed record SourceRow(long Line, string Raw, IReadOnlyDictionary<string, string?> Fields);

/// <summary>
/// Imports health-authority data streamed row by row (never the whole file in memory): each batch of
/// <see cref="ImportOptions.BatchSize"/> rows is validated, upserted on its natural key (so the same file twice leaves
/// the same state) in one set-based write (<see cref="BulkRecordWriter"/>), and committed in one transaction with its
/// rejected rows (stored for the report, masked) and the import's running counts; then every affected known person's
/// colour is recomputed (cause "import.&lt;kind&gt;"), which signals the hot-path caches of every node. A failure stops
/// the import between batches: the batches committed so far stay (with counts that match them), nothing of the failing
/// batch is written, the import keeps no finish time and no colour is recomputed; sending the file again completes it.
/// Staff imports go through <see cref="StaffImports"/> instead (jurisdiction, insert-only, a second staff member's
/// approval) and are applied here by <see cref="InsertBatchAsync"/>.
/// </summary>
public sealed class HealthDataImporter(MiniCodeDbContext db, PersonalDataProtector protector, HealthStatusService statuses, ImportStore store,
    BulkRecordWriter writer, NoticeDispatcher notices, AuditLog audit, IOptions<ImportOptions> options, TimeProvider time, BusinessCalendar calendar)
{
    private readonly List<HealthDataImportRejection> _rejected = [];

    public async Task<HealthDataImport> ImportAsync(ImportKind kind, string format, string submittedBy, IAsyncEnumerable<SourceRow> rows, CancellationToken ct)
    {
        var import = new HealthDataImport { Kind = kind, Format = format, SubmittedBy = submittedBy, StartedAt = time.GetUtcNow() };
        db.Add(import);
        await db.SaveChangesAsync(ct);
        var affected = new HashSet<long>();
        var regions = new HashSet<string>();
        var batch = new List<ImportRow>();
        await foreach (var (_, parsed) in ParseAsync(import, rows, ct))
        {
            if (parsed is null) continue;
            batch.Add(parsed);
            if (batch.Count >= options.Value.BatchSize) await FlushAsync(import, batch, false, affected, regions, ct);
        }
        await FlushAsync(import, batch, false, affected, regions, ct);
        await RecomputeAsync(import, affected, regions, ct);
        import.FinishedAt = time.GetUtcNow();
        audit.Record(submittedBy, "health_data.import", "health_data_import", Id(import), null,
            new { kind, import.TotalRows, import.AcceptedRows, import.RejectedRows, import.RecomputedPersons });
        await SaveAsync(import, ct);
        return import;
    }

    /// <summary>
    /// Parses the rows of <paramref name="import"/>, counting each and storing the refused ones (masked); valid rows come
    /// back with their document as the blind index, and null for a refused one.
    /// </summary>
    public async IAsyncEnumerable<(SourceRow Source, ImportRow? Row)> ParseAsync(HealthDataImport import, IAsyncEnumerable<SourceRow> rows,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var today = calendar.Today();
        await foreach (var row in rows.WithCancellation(ct))
        {
            import.TotalRows++;
            var (parsed, error) = ImportRowParser.Parse(import.Kind, row.Fields, today);
            if (parsed is null) Reject(import, row, error!);
            yield return (row, parsed is { DocumentKey: { } key } ? parsed with { DocumentKey = protector.BlindIndex(key) } : parsed);
        }
    }

    /// <summary>Counts a refused row and keeps it for the report with its document number masked (written by <see cref="SaveAsync"/>).</summary>
    public void Reject(HealthDataImport import, SourceRow row, string reason)
    {
        import.RejectedRows++;
        if (import.RejectedRows <= options.Value.MaxStoredRejections)
            _rejected.Add(new HealthDataImportRejection { ImportId = import.Id, Line = row.Line, Reason = reason, Raw = MaskedRaw(row) });
    }

    /// <summary>
    /// Saves the import's counts with the rows rejected since the last save and whatever else the context tracks, in one
    /// transaction (the caller's, when it has one open); the change tracker is cleared afterwards.
    /// </summary>
    public async Task SaveAsync(HealthDataImport import, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await writer.InsertAsync(_rejected, ct);
        _rejected.Clear();
        db.Entry(import).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The source text without any full document number: the row's own <c>document_number</c> wherever it appears, then
    /// anything else shaped like a resident ID or a phone number.
    /// </summary>
    public static string MaskedRaw(SourceRow row)
    {
        var raw = row.Raw;
        if (row.Fields.GetValueOrDefault("document_number")?.Trim() is { Length: >= 4 } number)
            raw = raw.Replace(number, SensitiveDataMasker.MaskIdNumber(number.ToUpperInvariant()), StringComparison.OrdinalIgnoreCase);
        raw = SensitiveDataMasker.Scrub(raw);
        return raw.Length > 1000 ? raw[..1000] : raw;
    }

    /// <summary>
    /// Writes a batch of an approved staff import's checked rows (<see cref="StaffImports"/>), inserting only, and saves
    /// it; returns the rows whose record was added since the check (left as it is).
    /// </summary>
    public Task<List<ImportRow>> InsertBatchAsync(HealthDataImport import, List<ImportRow> batch, HashSet<long> affected, HashSet<string> regions, CancellationToken ct) =>
        FlushAsync(import, batch, true, affected, regions, ct);

    /// <summary>Recomputes the colour of every person the written rows concern (their documents, or the regions').</summary>
    public async Task RecomputeAsync(HealthDataImport import, HashSet<long> affected, HashSet<string> regions, CancellationToken ct)
    {
        if (regions.Count > 0) affected.UnionWith(await PersonsInRegionsAsync(regions, ct));
        import.RecomputedPersons = affected.Count;
        foreach (var chunk in affected.Order().Chunk(options.Value.BatchSize))
        {
            await statuses.RecomputeManyAsync(chunk, "import." + WireName(import.Kind), $"authority:import-{import.Id}", ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await notices.FlushAsync(ct);
        }
    }

    /// <summary>Writes a batch (upserts, or inserts only) and saves it with the import's counts; returns the rows left out.</summary>
    private async Task<List<ImportRow>> FlushAsync(HealthDataImport import, List<ImportRow> batch, bool insertOnly, HashSet<long> affected, HashSet<string> regions, CancellationToken ct)
    {
        var persons = await store.PersonsAsync(batch, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var skipped = await store.WriteAsync(batch, persons.ToDictionary(p => p.Key, p => p.Value.Id), insertOnly, ct);
        var written = skipped.Count == 0 ? batch : batch.Except(skipped).ToList();
        affected.UnionWith(written.Select(r => r.DocumentKey).OfType<string>().Where(persons.ContainsKey).Select(i => persons[i].Id));
        regions.UnionWith(written.OfType<RegionRow>().Select(r => r.RegionCode));
        import.AcceptedRows += batch.Count - skipped.Count;
        await SaveAsync(import, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        batch.Clear();
        return skipped;
    }

    private static string Id(HealthDataImport import) => import.Id.ToString(CultureInfo.InvariantCulture);

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
