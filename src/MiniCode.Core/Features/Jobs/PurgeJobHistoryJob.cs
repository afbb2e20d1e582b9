using MiniCode.Data;

namespace MiniCode.Features.Jobs;

/// <summary>Deletes run history older than <c>Jobs:HistoryRetention</c> (history holds no audit data).</summary>
public sealed class PurgeJobHistoryJob(JobsService jobs) : IMiniCodeJob
{
    public async Task<JobResult> RunAsync(JobRunContext context, CancellationToken cancellationToken) =>
        new(await jobs.PurgeHistoryAsync(context.Now, cancellationToken));
}
