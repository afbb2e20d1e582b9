using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Storage;
using MiniCode.Data;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Jobs;

/// <summary>
/// On a node with <c>MiniCode:Parts:Jobs</c> on: registers every job's schedule with <see cref="IRecurringJobManager"/>
/// from the one list (cron in the business calendar's zone, <c>BusinessCalendar:TimeZone</c>; a job without a schedule is kept as "never" so it can still be
/// started by hand; stored jobs no longer registered are removed) and runs a Hangfire server. Decided when the host
/// starts, not in builder code, so it reads the configuration the host finally has. A schedule whose next run passed
/// while every node was down runs once when a node is back (Hangfire's relaxed misfire handling).
/// </summary>
public sealed class JobServer(
    IServiceProvider services, JobRegistry registry, JobStorage storage, IRecurringJobManager recurring, JobFilters filters,
    IOptions<JobsOptions> options, BusinessCalendar calendar, IOptions<DatabaseOptions> database, IOptions<HostPartsOptions> parts, ILogger<JobServer> logger) : IHostedService
{
    private BackgroundJobServer? _server;

    public bool Running => _server is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!parts.Value.Jobs) return Task.CompletedTask;
        RegisterSchedules();
        var o = options.Value;
        _server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            ServerName = o.InstanceId is { Length: > 0 } id ? id : $"{Environment.MachineName}:{Environment.ProcessId}",
            // SQLite has one writer: one job at a time rather than jobs failing on a locked database.
            WorkerCount = database.Value.Provider == DatabaseProvider.Postgres ? o.WorkerCount : 1,
            SchedulePollingInterval = o.SchedulePollingInterval,
            Activator = new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()),
            FilterProvider = filters,
        }, storage);
        logger.LogInformation("Jobs server started on {Storage} with {Count} job(s)", storage, registry.All.Count);
        return Task.CompletedTask;
    }

    private void RegisterSchedules()
    {
        var o = options.Value;
        var zone = calendar.Zone;
        foreach (var job in registry.All)
        {
            var cron = o.Schedules.GetValueOrDefault(job.Name)?.ActiveCron;
            try
            {
                recurring.AddOrUpdate<JobRunner>(job.Name, r => r.RunAsync(job.Name, CancellationToken.None), cron ?? Cron.Never(),
                    new RecurringJobOptions { TimeZone = zone, MisfireHandling = MisfireHandlingMode.Relaxed });
            }
            catch (ArgumentException ex)
            {
                throw new InvalidOperationException($"Jobs:Schedules:{job.Name}:Cron '{cron}' is not a valid cron expression: {ex.Message}", ex);
            }
            logger.LogInformation("Job {Job}: {Schedule}", job.Name, cron is null ? "started by hand only" : $"cron {cron} ({zone.Id})");
        }
        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id).Where(id => registry.Find(id) is null))
        {
            recurring.RemoveIfExists(stale);
            logger.LogInformation("Removed the schedule of {Job}: no such job any more", stale);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Taken once: the host and a test may both stop it.
        if (Interlocked.Exchange(ref _server, null) is not { } server) return;
        server.SendStop();
        await server.WaitForShutdownAsync(cancellationToken);
        server.Dispose();
    }
}
