using MiniCode.Data;
using MiniCode.Features.Jobs;

namespace MiniCode.Features.Checkpoints;

/// <summary>Deletes inspection records older than <c>MiniCode:Checkpoints:RecordRetention</c> (default 28 days).</summary>
public sealed class PurgeScanRecordsJob(MiniCodeDbContext db, IOptions<CheckpointOptions> options, TimeProvider time) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.RecordRetention;
        await db.Set<ScanRecordSite>().Where(s => s.ScannedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return new JobResult(await db.Set<ScanRecord>().Where(r => r.ScannedAt < cutoff).ExecuteDeleteAsync(cancellationToken));
    }
}
