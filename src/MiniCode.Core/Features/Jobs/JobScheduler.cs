using MiniCode.Data;
using MiniCode.Infrastructure.Hosting;
using Quartz;

namespace MiniCode.Features.Jobs;

/// <summary>
/// Builds and runs the Quartz scheduler when <c>MiniCode:Parts:Jobs</c> is on: an in-memory store on SQLite (one
/// process), Quartz's clustered ADO store on PostgreSQL (every node shares the schedule, each firing runs on one node;
/// Quartz creates its own <c>qrtz_*</c> tables when missing). Built at start rather than in builder code, so the
/// provider, identity and schedules are read from configuration as the host finally has it.
/// </summary>
public sealed class JobScheduler(
    IServiceProvider services, JobRegistry registry, IOptions<JobsOptions> options, IOptions<DatabaseOptions> database,
    IOptions<HostPartsOptions> parts, IConfiguration configuration, TimeProvider time, ILoggerFactory loggerFactory,
    ILogger<JobScheduler> logger) : IHostedService
{
    public const string Group = "minicode";
    internal const string ServicesKey = "MiniCode.Services";

    /// <summary>The running scheduler, or null on a node that does not run jobs.</summary>
    public IScheduler? Scheduler { get; private set; }

    public static JobKey KeyOf(string name) => new(name, Group);
    public static TriggerKey TriggerOf(string name) => new(name + ".schedule", Group);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!parts.Value.Jobs) return;
        var o = options.Value;
        var clustered = database.Value.Provider == DatabaseProvider.Postgres;
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
        {
            q.Services.AddSingleton(loggerFactory);
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = o.InstanceName;
                if (o.InstanceId is { Length: > 0 } id) s.InstanceId = id;
                else s.GenerateInstanceId = true;
            });
            q.UseTimeProvider(time);
            // SQLite has one writer: the embedded store runs one job at a time rather than have jobs fail on a locked database.
            q.UseDefaultThreadPool(tp => tp.MaxConcurrency = clustered ? o.MaxConcurrency : 1);
            if (o.Retry.Attempts > 0)
                q.UseDefaultRetryPolicy(RetryPolicy.Exponential(o.Retry.Attempts, o.Retry.InitialDelay, o.Retry.Factor, o.Retry.MaxDelay));
            if (clustered)
                q.UsePersistentStore(store =>
                {
                    store.UseClustering(c => c.CheckinInterval = o.ClusterCheckinInterval);
                    store.UsePostgres(DataServiceCollectionExtensions.ConnectionString(configuration));
                    store.UseSystemTextJsonSerializer();
                    store.ProvisionSchema();
                    store.ConfigureStore(s => s.MisfireThreshold = o.MisfireThreshold);
                });
            else
                q.UseInMemoryStore(s => s.MisfireThreshold = o.MisfireThreshold);
        }).BuildScheduler(cancellationToken);
        scheduler.Context[ServicesKey] = services;
        await scheduler.Start(cancellationToken);
        await ApplySchedulesAsync(scheduler, cancellationToken);
        Scheduler = scheduler;
        logger.LogInformation("Jobs scheduler {Name}/{Node} started ({Store}) with {Count} job(s)",
            scheduler.SchedulerName, scheduler.SchedulerInstanceId, clustered ? "clustered PostgreSQL store" : "in-memory store", registry.All.Count);
    }

    /// <summary>
    /// Stores every registered job and its configured trigger. A trigger whose schedule is unchanged is left as stored, so
    /// a node restarting after downtime still sees the missed firing and catches up once.
    /// </summary>
    private async Task ApplySchedulesAsync(IScheduler scheduler, CancellationToken ct)
    {
        var o = options.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone);
        foreach (var job in registry.All)
        {
            var detail = JobBuilder.Create<JobRunner>().WithIdentity(KeyOf(job.Name)).WithDescription(job.Description).StoreDurably().Build();
            var schedule = o.Schedules.GetValueOrDefault(job.Name);
            var existing = await scheduler.GetTrigger(TriggerOf(job.Name), ct);
            if (schedule is null || !schedule.Enabled || schedule.Describe() == "manual")
            {
                if (existing is not null) await scheduler.UnscheduleJob(existing.Key, ct);
                await scheduler.AddJob(detail, new AddJobOptions { Replace = true }, ct);
                logger.LogInformation("Job {Job} has no schedule: it runs only when started by hand", job.Name);
                continue;
            }
            var description = schedule.Describe();
            if (existing is not null && existing.Description == description) continue;

            var trigger = TriggerBuilder.Create(time).WithIdentity(TriggerOf(job.Name)).ForJob(detail).WithDescription(description);
            // A missed firing (node down, scheduler busy) runs once as soon as possible, never once per missed interval.
            if (schedule.Cron is { Length: > 0 } cron)
                trigger = trigger.StartNow().WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
            else
                trigger = trigger.StartAt(time.GetUtcNow() + schedule.Interval!.Value).WithSchedule(SimpleScheduleBuilder.Create().WithInterval(schedule.Interval!.Value).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount));
            await scheduler.ScheduleJob(detail, [trigger.Build()], ScheduleJobOptions.Replacing, ct);
            logger.LogInformation("Job {Job} scheduled: {Schedule}", job.Name, description);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Scheduler is { } s) await s.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }
}
