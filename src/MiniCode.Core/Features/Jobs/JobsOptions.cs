using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Jobs;

/// <summary>Section <c>Jobs</c>: scheduler identity, retry and misfire policy, and one schedule per job name.</summary>
public sealed class JobsOptions : IValidatableObject, ISectionOptions
{
    public static string Section => "Jobs";

    /// <summary>Scheduler name; every node of one cluster must use the same.</summary>
    [Required, MaxLength(100)]
    public string InstanceName { get; set; } = "MiniCode";

    /// <summary>This node's id in the cluster; empty = generated (host name + unique suffix).</summary>
    [MaxLength(100)]
    public string? InstanceId { get; set; }

    /// <summary>Time zone cron expressions are read in.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Parallel job threads per node on PostgreSQL (on SQLite jobs run one at a time).</summary>
    [Range(1, 50)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>A firing later than this counts as missed; a missed schedule runs once when the node is back, not once per missed interval.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a clustered node records that it is alive; a dead node's work is taken over after about twice this.</summary>
    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    [ValidateObjectMembers] public JobRetryOptions Retry { get; set; } = new();

    /// <summary>Run history older than this is purged by the <c>purge-job-history</c> job.</summary>
    [TimeSpanRange("1.00:00:00", "3650.00:00:00")]
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Per job name: a cron expression (Quartz syntax, with seconds) or an interval. A job without one runs only on "run now".</summary>
    public Dictionary<string, JobSchedule> Schedules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, schedule) in Schedules)
        {
            if (schedule.Cron is { Length: > 0 } cron && !Quartz.CronExpression.TryParse(cron, out _))
                yield return new ValidationResult($"Jobs:Schedules:{name}:Cron '{cron}' is not a valid cron expression.");
            if (schedule.Interval is { } i && i <= TimeSpan.Zero)
                yield return new ValidationResult($"Jobs:Schedules:{name}:Interval must be positive.");
            if (schedule.Cron is { Length: > 0 } && schedule.Interval is not null)
                yield return new ValidationResult($"Jobs:Schedules:{name}: set Cron or Interval, not both.");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"Jobs:TimeZone '{TimeZone}' is not a known time zone.");
        if (Retry.MaxDelay < Retry.InitialDelay)
            yield return new ValidationResult("Jobs:Retry:MaxDelay must not be shorter than InitialDelay.");
    }
}

public sealed class JobSchedule
{
    public string? Cron { get; set; }
    public TimeSpan? Interval { get; set; }
    public bool Enabled { get; set; } = true;

    public string Describe() => Cron is { Length: > 0 } ? $"cron {Cron}" : Interval is { } i ? $"every {i}" : "manual";
}

/// <summary>A failed run is retried this many times, the waits growing by <see cref="Factor"/> from <see cref="InitialDelay"/>.</summary>
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
}
