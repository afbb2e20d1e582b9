using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Jobs;

/// <summary>Section <c>Jobs</c>: the Hangfire server of this node, retries, history and one cron schedule per job name.</summary>
public sealed class JobsOptions : IValidatableObject, ISectionOptions
{
    public static string Section => "Jobs";

    /// <summary>This node's server name in the dashboard; empty = host name and process id.</summary>
    [MaxLength(100)]
    public string? InstanceId { get; set; }

    /// <summary>Jobs one node runs at once on PostgreSQL (on SQLite one at a time: it has one writer).</summary>
    [Range(1, 50)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often the node looks for due schedules and retries (Hangfire's SchedulePollingInterval).</summary>
    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often an idle worker looks for queued work in the database (run now, retries).</summary>
    [TimeSpanRange("00:00:00.100", "00:10:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for another node's run of the same job to end before this run fails (and is retried).</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan OverlapWait { get; set; } = TimeSpan.FromMinutes(1);

    [ValidateObjectMembers] public JobRetryOptions Retry { get; set; } = new();

    /// <summary>Succeeded runs stay in the history (dashboard) this long; failed runs stay until deleted there.</summary>
    [TimeSpanRange("01:00:00", "3650.00:00:00")]
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>SQLite only: Hangfire's own database file; empty = beside the MiniCode database (<c>minicode-jobs.db</c>).</summary>
    public string? SqliteStoragePath { get; set; }

    /// <summary>
    /// Per job name: a cron expression (5 fields, or 6 with seconds) in the business calendar's zone, checked when the schedules
    /// are registered at start. A job without one runs only when started by hand.
    /// </summary>
    public Dictionary<string, JobSchedule> Schedules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, schedule) in Schedules)
        {
            if (schedule.Interval is not null)
                yield return new ValidationResult($"Jobs:Schedules:{name}:Interval is no longer read: give the schedule as Cron.");
        }
        if (Retry.MaxDelay < Retry.InitialDelay)
            yield return new ValidationResult("Jobs:Retry:MaxDelay must not be shorter than InitialDelay.");
    }
}

public sealed class JobSchedule
{
    public string? Cron { get; set; }
    /// <summary>Read only to refuse it: schedules are cron expressions now (earlier releases also took intervals).</summary>
    public TimeSpan? Interval { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>The cron expression in force, or null when the job runs only when started by hand.</summary>
    public string? ActiveCron => Enabled && Cron is { Length: > 0 } c ? c : null;
}

/// <summary>A failed run is retried this many times, the waits growing by <see cref="Factor"/> from <see cref="InitialDelay"/> up to <see cref="MaxDelay"/>.</summary>
public sealed class JobRetryOptions
{
    [Range(0, 20)]
    public int Attempts { get; set; } = 3;

    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1.0, 10.0)]
    public double Factor { get; set; } = 2;

    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The wait before retry n (1-based), in whole seconds as Hangfire takes them.</summary>
    public int DelaySeconds(int retry) =>
        (int)Math.Min(MaxDelay.TotalSeconds, InitialDelay.TotalSeconds * Math.Pow(Factor, Math.Max(0, retry - 1)));
}
