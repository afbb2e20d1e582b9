using MiniCode.Data;
using MiniCode.Features.Jobs;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>
/// Retention of the rejected-rows reports: rows of imports started more than
/// <see cref="ImportOptions.RejectedRowsRetentionDays"/> ago are deleted (the import's counts stay).
/// </summary>
public sealed class ImportRejectionRetention(MiniCodeDbContext db, IOptions<ImportOptions> options, TimeProvider time)
{
    public Task<int> PurgeAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow().AddDays(-options.Value.RejectedRowsRetentionDays);
        var old = db.Set<HealthDataImport>().Where(i => i.StartedAt < before).Select(i => i.Id);
        return db.Set<HealthDataImportRejection>().Where(r => old.Contains(r.ImportId)).ExecuteDeleteAsync(ct);
    }
}

/// <summary>Scheduled as <c>purge-import-rejections</c>.</summary>
public sealed class PurgeImportRejectionsJob(ImportRejectionRetention retention) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => new(await retention.PurgeAsync(cancellationToken));
}
