using MiniCode.Data;
using Quartz;

namespace MiniCode.Features.Jobs;

/// <summary>
/// The one Quartz job type: finds the feature job registered under the job key's name, runs it in a fresh DI scope, and
/// writes the run to <c>job_runs</c> (start, end, outcome, items, error). A failure is logged, recorded and rethrown so
/// Quartz retries it under the retry policy. One run of a job at a time, cluster-wide.
/// </summary>
[DisallowConcurrentExecution]
public sealed class JobRunner : IJob
{
    public const string CauseKey = "cause";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var services = (IServiceProvider)context.Scheduler.Context[JobScheduler.ServicesKey]!;
        var name = context.JobDetail.Key.Name;
        var registration = services.GetRequiredService<JobRegistry>().Find(name)
            ?? throw new JobExecutionException($"No job is registered as '{name}' on this node.");
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("MiniCode.Jobs." + name);
        var cause = context.MergedJobDataMap.TryGetString(CauseKey, out var c) && c is { Length: > 0 } ? c : "schedule";

        var run = new JobRun
        {
            JobName = name,
            Node = context.Scheduler.SchedulerInstanceId,
            FireInstanceId = context.FireInstanceId,
            ScheduledFor = context.ScheduledFireTimeUtc,
            Attempt = context.RetryAttempt,
            Cause = cause,
            StartedAt = time.GetUtcNow(),
            Outcome = JobOutcome.Running,
        };
        try
        {
            await SaveAsync(services, run, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Job {Job} could not record its start; not run", name);
            throw new JobExecutionException(ex);
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var job = (IMiniCodeJob)scope.ServiceProvider.GetRequiredService(registration.JobType);
            var result = await job.RunAsync(new JobRunContext(name, run.StartedAt, run.Attempt, cause), cancellationToken);
            run.Outcome = JobOutcome.Succeeded;
            run.ItemsProcessed = result.ItemsProcessed;
            run.EndedAt = time.GetUtcNow();
            await SaveAsync(services, run, CancellationToken.None);
            logger.LogInformation("Job {Job} succeeded: {Items} item(s) in {Ms} ms (attempt {Attempt}, {Cause})",
                name, result.ItemsProcessed, (run.EndedAt - run.StartedAt)?.TotalMilliseconds, run.Attempt, cause);
        }
        catch (Exception ex)
        {
            run.Outcome = JobOutcome.Failed;
            var root = ex.GetBaseException();
            run.ErrorMessage = Truncate(root == ex ? $"{ex.GetType().Name}: {ex.Message}" : $"{ex.GetType().Name}: {ex.Message} ({root.GetType().Name}: {root.Message})", 2000);
            run.EndedAt = time.GetUtcNow();
            await SaveAsync(services, run, CancellationToken.None);
            logger.LogError(ex, "Job {Job} failed (attempt {Attempt}, {Cause})", name, run.Attempt, cause);
            throw new JobExecutionException(ex);
        }
    }

    // Its own scope and context: the job's unit of work may be broken when it fails, the history must still be written.
    private static async Task SaveAsync(IServiceProvider services, JobRun run, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        if (run.Id == 0) db.Add(run);
        else db.Update(run);
        await db.SaveChangesAsync(ct);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
