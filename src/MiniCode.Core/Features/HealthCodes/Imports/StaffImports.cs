using System.Globalization;
using System.Text.Json;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Organisations;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>
/// 健康数据导入 by staff (the admin): unlike the authority's API, a staff import may only add records, only within the
/// staff member's jurisdiction, and only once a second staff member approves. <see cref="SubmitAsync"/> checks every
/// row and keeps the good ones staged (documents as blind indexes only); <see cref="ApproveAsync"/> by someone else
/// applies them; <see cref="DiscardAsync"/> throws them away. Corrections of existing records go through appeals and
/// manual overrides, which have their own review.
/// </summary>
public sealed class StaffImports(MiniCodeDbContext db, HealthDataImporter importer, ImportStore store, AuditLog audit,
    IOptions<ImportOptions> options, TimeProvider time)
{
    public const string ExistsReason = "该记录已存在：更正已有记录请走纠错申诉或人工赋码，导入只能新增";

    /// <summary>Checks and stages the rows of a staff import; the import waits for approval.</summary>
    /// <param name="jurisdiction">The submitter's region (null = every region).</param>
    public async Task<HealthDataImport> SubmitAsync(ImportKind kind, string actor, string? jurisdiction, IAsyncEnumerable<SourceRow> rows, CancellationToken ct)
    {
        var import = new HealthDataImport
        {
            Kind = kind, Format = "csv", SubmittedBy = actor, Status = ImportStatus.Pending, RegionCode = jurisdiction, StartedAt = time.GetUtcNow(),
        };
        db.Add(import);
        await db.SaveChangesAsync(ct);
        var seen = new HashSet<string>();
        var batch = new List<(SourceRow Source, ImportRow Row)>();
        await foreach (var (source, row) in importer.ParseAsync(import, rows, ct))
        {
            if (row is null) continue;
            batch.Add((source, row));
            if (batch.Count >= options.Value.BatchSize) await StageAsync(import, batch, seen, ct);
        }
        await StageAsync(import, batch, seen, ct);
        import.FinishedAt = time.GetUtcNow();
        audit.Record(actor, "health_data.import_submit", "health_data_import", Id(import), null,
            new { kind, jurisdiction, import.TotalRows, staged = import.AcceptedRows, import.RejectedRows });
        await importer.SaveAsync(import, ct);
        return import;
    }

    /// <summary>Applies a pending import; the submitter cannot approve their own (409 <c>imports.second_approver_required</c>).</summary>
    public async Task<HealthDataImport> ApproveAsync(long id, string approver, CancellationToken ct)
    {
        var import = await PendingAsync(id, ct);
        if (string.Equals(import.SubmittedBy, approver, StringComparison.Ordinal)) throw new ApiException(HealthCodeErrors.ImportSecondApproverRequired);
        var affected = new HashSet<long>();
        var regions = new HashSet<string>();
        // All or nothing; the claim, in the same transaction, makes a second approver at once find it no longer pending.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (await db.Set<HealthDataImport>().Where(i => i.Id == id && i.Status == ImportStatus.Pending)
                    .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, ImportStatus.Applied), ct) == 0)
                throw new ApiException(HealthCodeErrors.ImportNotPending);
            (import.Status, import.DecidedBy, import.DecidedAt) = (ImportStatus.Applied, approver, time.GetUtcNow());
            long after = 0;
            while (true)
            {
                var staged = await db.Set<HealthDataImportStagedRow>().AsNoTracking().Where(r => r.ImportId == id && r.Id > after)
                    .OrderBy(r => r.Id).Take(options.Value.BatchSize).ToListAsync(ct);
                if (staged.Count == 0) break;
                after = staged[^1].Id;
                var rows = staged.Select(r => (r.Line, Row: Deserialize(import.Kind, r.Payload))).ToList();
                import.AcceptedRows -= rows.Count; // counted again as they are written
                var skipped = await importer.InsertBatchAsync(import, rows.Select(r => r.Row).ToList(), affected, regions, ct);
                foreach (var (line, _) in rows.Where(r => skipped.Contains(r.Row)))
                    importer.Reject(import, new SourceRow(line, "（审批时已存在）", new Dictionary<string, string?>()), ExistsReason);
            }
            await db.Set<HealthDataImportStagedRow>().Where(r => r.ImportId == id).ExecuteDeleteAsync(ct);
            audit.Record(approver, "health_data.import_approve", "health_data_import", Id(import), new { status = ImportStatus.Pending },
                new { status = import.Status, import.AcceptedRows, import.RejectedRows });
            await importer.SaveAsync(import, ct);
            await tx.CommitAsync(ct);
        }
        await importer.RecomputeAsync(import, affected, regions, ct);
        db.Attach(import).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return import;
    }

    /// <summary>Rejects a pending import: its staged rows are deleted and nothing is applied.</summary>
    public async Task<HealthDataImport> DiscardAsync(long id, string actor, CancellationToken ct)
    {
        var import = await PendingAsync(id, ct);
        if (await db.Set<HealthDataImport>().Where(i => i.Id == id && i.Status == ImportStatus.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, ImportStatus.Discarded).SetProperty(i => i.DecidedBy, actor)
                    .SetProperty(i => i.DecidedAt, time.GetUtcNow()), ct) == 0)
            throw new ApiException(HealthCodeErrors.ImportNotPending);
        await db.Set<HealthDataImportStagedRow>().Where(r => r.ImportId == id).ExecuteDeleteAsync(ct);
        audit.Record(actor, "health_data.import_reject", "health_data_import", Id(import), new { status = ImportStatus.Pending }, new { status = ImportStatus.Discarded });
        await db.SaveChangesAsync(ct);
        import.Status = ImportStatus.Discarded;
        return import;
    }

    /// <summary>
    /// Refuses rows outside the jurisdiction (a person row needs a known person registered within it, so an unknown and
    /// an outside document get the same reason), rows whose record exists and repeats within the file; stages the rest.
    /// </summary>
    private async Task StageAsync(HealthDataImport import, List<(SourceRow Source, ImportRow Row)> batch, HashSet<string> seen, CancellationToken ct)
    {
        if (batch.Count > 0)
        {
            var rows = batch.Select(b => b.Row).ToList();
            var existing = await store.ExistingAsync(rows, ct);
            var persons = import.RegionCode is null ? [] : await store.PersonsAsync(rows, ct);
            foreach (var (source, row) in batch)
            {
                var key = ImportStore.NaturalKey(row);
                var reason = Outside(import.RegionCode, row, persons) ? OutsideReason(import.RegionCode!, row)
                    : existing.ContainsKey(key) ? ExistsReason
                    : !seen.Add(key) ? "与本文件中前面的行重复" : null;
                if (reason is not null) importer.Reject(import, source, reason);
                else
                {
                    import.AcceptedRows++;
                    db.Add(new HealthDataImportStagedRow { ImportId = import.Id, Line = source.Line, Payload = JsonSerializer.Serialize(row, row.GetType()) });
                }
            }
        }
        await importer.SaveAsync(import, ct);
        batch.Clear();
    }

    private static bool Outside(string? jurisdiction, ImportRow row, Dictionary<string, (long Id, string? RegionCode)> persons) =>
        jurisdiction is not null && !(row is RegionRow region
            ? RegionCodes.MayTarget(jurisdiction, region.RegionCode)
            : persons.TryGetValue(row.DocumentKey!, out var person) && RegionCodes.MayTarget(jurisdiction, person.RegionCode));

    private static string OutsideReason(string jurisdiction, ImportRow row) => row is RegionRow
        ? $"地区不在本辖区（{jurisdiction}）内"
        : $"该证件号码对应的人员未登记或户籍地不在本辖区（{jurisdiction}）内";

    private static ImportRow Deserialize(ImportKind kind, string payload) => (ImportRow)JsonSerializer.Deserialize(payload, kind switch
    {
        ImportKind.RiskList => typeof(RiskRow),
        ImportKind.Regions => typeof(RegionRow),
        ImportKind.NucleicAcid => typeof(NucleicRow),
        ImportKind.PriorApplications => typeof(ApplicationRow),
        _ => typeof(VaccinationRow),
    })!;

    private async Task<HealthDataImport> PendingAsync(long id, CancellationToken ct)
    {
        var import = await db.Set<HealthDataImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new ApiException(HealthCodeErrors.ImportNotFound);
        return import.Status == ImportStatus.Pending ? import : throw new ApiException(HealthCodeErrors.ImportNotPending);
    }

    private static string Id(HealthDataImport import) => import.Id.ToString(CultureInfo.InvariantCulture);
}
