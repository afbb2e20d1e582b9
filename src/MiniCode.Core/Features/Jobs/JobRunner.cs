using System.Diagnostics;
using Hangfire;

namespace MiniCode.Features.Jobs;

/// <summary>
/// What Hangfire runs for every recurring job: finds the job registered under the name, holds Hangfire's distributed
/// lock for it (one run of a job at a time, cluster-wide; a run that cannot get it within <c>Jobs:OverlapWait</c>
/// fails and is retried), and runs it. The <see cref="JobResult"/> it returns is kept by Hangfire as the run's result
/// (items processed). Resolved by Hangfire in a fresh DI scope per run, so the job shares that scope.
/// </summary>
public sealed class JobRunner(IServiceProvider scope, JobRegistry registry, JobStorage storage, IOptions<JobsOptions> options,
    ILoggerFactory loggers)
{
    public static string LockOf(string name) => "minicode:job:" + name;

    [JobDisplayName("{0}")]
    public async Task<JobResult> RunAsync(string name, CancellationToken cancellationToken)
    {
        var registration = registry.Find(name)
            ?? throw new InvalidOperationException($"No job is registered as '{name}' on this node.");
        var logger = loggers.CreateLogger("MiniCode.Jobs." + name);
        using var connection = storage.GetConnection();
        using var held = connection.AcquireDistributedLock(LockOf(name), options.Value.OverlapWait);

        var started = Stopwatch.GetTimestamp();
        try
        {
            var job = (IMiniCodeJob)scope.GetRequiredService(registration.JobType);
            var result = await job.ExecuteAsync(cancellationToken);
            logger.LogInformation("Job {Job} succeeded: {Items} item(s) in {Ms} ms", name, result.ItemsProcessed,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Job {Job} failed after {Ms} ms", name, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
