using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Jobs;

/// <summary>A registered job as the admin's summary shows it, read from Hangfire's storage.</summary>
public sealed record JobSummary(string Name, string Description, string? Cron, DateTimeOffset? NextRunAt, JobLastRun? LastRun);

/// <summary>The latest run: its Hangfire job id (for the dashboard link), when it started, its state and the items it reported.</summary>
public sealed record JobLastRun(string JobId, DateTimeOffset? StartedAt, string State, int? ItemsProcessed)
{
    public bool Succeeded => State == SucceededState.StateName;
    public bool Failed => State == FailedState.StateName;
}

/// <summary>
/// What the admin's jobs summary needs beside Hangfire's dashboard: every job with its Chinese description, schedule,
/// next run and the last run's outcome and item count; and "run now" with an audit entry.
/// </summary>
public sealed class JobsService(MiniCodeDbContext db, JobRegistry registry, JobStorage storage, IRecurringJobManager recurring,
    IOptions<JobsOptions> options, AuditLog audit)
{
    /// <summary>True when some node's Hangfire server is alive on the shared storage (or this one's).</summary>
    public bool ServerRunning() => storage.GetMonitoringApi().Servers().Count > 0;

    public IReadOnlyList<JobSummary> List()
    {
        using var connection = storage.GetConnection();
        var stored = connection.GetRecurringJobs().ToDictionary(j => j.Id, StringComparer.Ordinal);
        return registry.All.Select(job =>
        {
            stored.TryGetValue(job.Name, out var entry);
            return new JobSummary(job.Name, job.Description, options.Value.Schedules.GetValueOrDefault(job.Name)?.ActiveCron,
                entry?.NextExecution is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : null,
                entry?.LastJobId is { Length: > 0 } id ? LastRun(connection, id, entry.LastExecution) : null);
        }).ToList();
    }

    private static JobLastRun LastRun(IStorageConnection connection, string jobId, DateTime? startedAt)
    {
        var state = connection.GetStateData(jobId);
        var items = state?.Name == SucceededState.StateName && state.Data.TryGetValue("Result", out var json) ? JobResultText.ItemsProcessed(json) : null;
        return new JobLastRun(jobId, startedAt is { } s ? new DateTimeOffset(s, TimeSpan.Zero) : null, state?.Name ?? "Unknown", items);
    }

    /// <summary>When the job last ended successfully (among the runs Hangfire still keeps), or null.</summary>
    public DateTimeOffset? LastSucceededAt(string name)
    {
        var monitoring = storage.GetMonitoringApi();
        var succeeded = monitoring.SucceededJobs(0, 500)
            .Where(j => j.Value?.Job?.Args is [string job, ..] && job == name && j.Value.SucceededAt is not null)
            .Select(j => j.Value.SucceededAt!.Value).DefaultIfEmpty().Max();
        return succeeded == default ? null : new DateTimeOffset(DateTime.SpecifyKind(succeeded, DateTimeKind.Utc));
    }

    /// <summary>Queues a run now for whichever node picks it up, recording who asked in the audit log.</summary>
    public async Task RunNowAsync(string name, string actor, CancellationToken ct = default)
    {
        if (registry.Find(name) is null) throw new ApiException(JobsErrors.UnknownJob);
        if (!ServerRunning()) throw new ApiException(JobsErrors.SchedulerNotRunning);
        audit.Record(actor, "job.run_now", "job", name);
        await db.SaveChangesAsync(ct);
        recurring.Trigger(name);
    }
}
