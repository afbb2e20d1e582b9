using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Infrastructure.Errors;
using Quartz;

namespace MiniCode.Features.Jobs;

public sealed record JobSummary(
    string Name, string Description, string Schedule, bool SchedulerRunning,
    DateTimeOffset? NextFireAt, JobRunView? LastRun);

public sealed record JobRunView(
    long Id, string JobName, string Node, string Cause, int Attempt, DateTimeOffset? ScheduledFor,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, JobOutcome Outcome, int ItemsProcessed, string? ErrorMessage)
{
    public static JobRunView From(JobRun r) =>
        new(r.Id, r.JobName, r.Node, r.Cause, r.Attempt, r.ScheduledFor, r.StartedAt, r.EndedAt, r.Outcome, r.ItemsProcessed, r.ErrorMessage);
}

/// <summary>What the admin's jobs page needs: the job list with last and next run, a job's history, and "run now".</summary>
public sealed class JobsService(
    MiniCodeDbContext db, JobRegistry registry, JobScheduler scheduler, IOptions<JobsOptions> options, AuditLog audit)
{
    public async Task<IReadOnlyList<JobSummary>> ListAsync(CancellationToken ct = default)
    {
        var names = registry.All.Select(r => r.Name).ToList();
        var lastIds = await db.Set<JobRun>().Where(r => names.Contains(r.JobName))
            .GroupBy(r => r.JobName).Select(g => g.Max(r => r.Id)).ToListAsync(ct);
        var lastRuns = await db.Set<JobRun>().AsNoTracking().Where(r => lastIds.Contains(r.Id)).ToDictionaryAsync(r => r.JobName, ct);

        var result = new List<JobSummary>();
        foreach (var job in registry.All)
        {
            DateTimeOffset? next = null;
            if (scheduler.Scheduler is { } s && await s.GetTrigger(JobScheduler.TriggerOf(job.Name), ct) is { } trigger)
                next = trigger.NextFireTimeUtc;
            var schedule = options.Value.Schedules.GetValueOrDefault(job.Name) is { Enabled: true } sc ? sc.Describe() : "manual";
            result.Add(new JobSummary(job.Name, job.Description, schedule, scheduler.Scheduler is not null, next,
                lastRuns.TryGetValue(job.Name, out var last) ? JobRunView.From(last) : null));
        }
        return result;
    }

    public async Task<IReadOnlyList<JobRunView>> HistoryAsync(string name, int take = 50, CancellationToken ct = default)
    {
        RequireKnown(name);
        var runs = await db.Set<JobRun>().AsNoTracking().Where(r => r.JobName == name)
            .OrderByDescending(r => r.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return runs.Select(JobRunView.From).ToList();
    }

    /// <summary>Fires the job now on whichever node picks it up (any node of a cluster), recording who asked in the audit log.</summary>
    public async Task RunNowAsync(string name, string actor, CancellationToken ct = default)
    {
        RequireKnown(name);
        var s = scheduler.Scheduler ?? throw new ApiException(JobsErrors.SchedulerNotRunning);
        audit.Record(actor, "job.run_now", "job", name);
        await db.SaveChangesAsync(ct);
        await s.TriggerJob(JobScheduler.KeyOf(name), new JobDataMap { [JobRunner.CauseKey] = "manual" }, ct);
    }

    public async Task<int> PurgeHistoryAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var cutoff = now - options.Value.HistoryRetention;
        return await db.Set<JobRun>().Where(r => r.StartedAt < cutoff && r.Outcome != JobOutcome.Running).ExecuteDeleteAsync(ct);
    }

    private void RequireKnown(string name)
    {
        if (registry.Find(name) is null) throw new ApiException(JobsErrors.UnknownJob);
    }
}
