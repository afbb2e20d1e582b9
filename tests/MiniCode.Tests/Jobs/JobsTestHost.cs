using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Data;
using MiniCode.Features.Jobs;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Jobs;

/// <summary>
/// A host with the scheduler on and two test jobs: <c>test-counter</c> (counts its runs) and <c>test-flaky</c> (fails
/// <see cref="FlakyState.FailuresLeft"/> times, then succeeds). Optionally shares another host's database and clock,
/// so two of them form a cluster.
/// </summary>
public sealed class JobsTestHost : MiniCodeFactory
{
    private readonly TestClock? _sharedClock;
    public FlakyState Flaky { get; } = new();

    public JobsTestHost(string node = "node-a", MiniCodeFactory? shareWith = null)
    {
        _sharedClock = shareWith?.Clock;
        With("MiniCode:Parts:Jobs", "true");
        With("Jobs:InstanceId", node);
        With("Jobs:ClusterCheckinInterval", "00:10:00");
        With("Jobs:Schedules:expire-sessions:Interval", "01:00:00");
        With("Jobs:Schedules:test-counter:Interval", "00:10:00");
        // The features' jobs run only when a test fires them ("run now") or schedules them itself: their shipped
        // schedules would add runs while a test moves the clock.
        foreach (var job in ShippedSchedules().Where(j => j != "expire-sessions")) With($"Jobs:Schedules:{job}:Enabled", "false");
        With("Jobs:Retry:Attempts", "3");
        With("Jobs:Retry:InitialDelay", "00:01:00");
        With("Jobs:Retry:Factor", "2");
        if (shareWith is not null)
        {
            With("Database:Provider", shareWith.Database.Provider.ToString());
            With("ConnectionStrings:MiniCode", shareWith.Database.ConnectionString);
        }
    }

    public TestClock TimeSource => _sharedClock ?? Clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            if (_sharedClock is not null) services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_sharedClock));
            services.AddSingleton(Flaky);
            services.AddMiniCodeJob<CounterJob>("test-counter", "测试：计数");
            services.AddMiniCodeJob<FlakyJob>("test-flaky", "测试：先失败后成功");
        });
    }

    private static IEnumerable<string> ShippedSchedules()
    {
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "src", "MiniCode.Host", "appsettings.json")));
        return settings.RootElement.GetProperty("Jobs").GetProperty("Schedules").EnumerateObject().Select(p => p.Name).ToList();
    }

    /// <summary>Starts the host (and its scheduler).</summary>
    public JobsTestHost Start()
    {
        CreateClient();
        return this;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<List<JobRun>> RunsAsync(string job)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<JobRun>().AsNoTracking()
            .Where(r => r.JobName == job).OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>Waits (real time, bounded) until no firing is in progress on the scheduler.</summary>
    public async Task WaitUntilIdleAsync(int timeoutSeconds = 20)
    {
        var scheduler = Get<JobScheduler>().Scheduler!;
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while ((await scheduler.QueryFireInstances(new Quartz.FireInstanceQuery())).Items.Count > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"firings still running after {timeoutSeconds}s");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits (real time, bounded) until <paramref name="count"/> runs of the job have ended.</summary>
    public async Task<List<JobRun>> WaitForEndedRunsAsync(string job, int count, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var runs = (await RunsAsync(job)).Where(r => r.Outcome != JobOutcome.Running).ToList();
            if (runs.Count >= count) return runs;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{job}: {runs.Count} of {count} run(s) ended in {timeoutSeconds}s");
            await Task.Delay(50);
        }
    }
}

public sealed class FlakyState
{
    public int FailuresLeft;
}

public sealed class CounterJob : IMiniCodeJob
{
    public Task<JobResult> RunAsync(JobRunContext context, CancellationToken cancellationToken) => Task.FromResult(new JobResult(1));
}

public sealed class FlakyJob(FlakyState state) : IMiniCodeJob
{
    public Task<JobResult> RunAsync(JobRunContext context, CancellationToken cancellationToken) =>
        Interlocked.Decrement(ref state.FailuresLeft) >= 0
            ? throw new InvalidOperationException("upstream unavailable")
            : Task.FromResult(new JobResult(7));
}
