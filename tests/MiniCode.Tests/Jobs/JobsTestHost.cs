using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Features.Jobs;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Jobs;

public enum JobOutcome { Succeeded, Failed }

/// <summary>A finished run as Hangfire's storage keeps it: outcome, reported items, error, the server that ran it, retries.</summary>
public sealed record TestJobRun(string JobId, string Job, JobOutcome Outcome, int ItemsProcessed, string? ErrorMessage,
    string? Server, DateTime EndedAt, long? ScheduledFor, int Retries);

/// <summary>
/// A host with the Hangfire server on (polling every second, queue every 200 ms) and two test jobs: <c>test-counter</c>
/// (counts its runs) and <c>test-flaky</c> (fails <see cref="FlakyState.FailuresLeft"/> times, then succeeds). The
/// shipped schedules are off, so only the tests start runs. Optionally shares another host's database, so two of them
/// form a cluster on one storage. Hangfire schedules in real time; the jobs themselves read the TestClock.
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
        With("Jobs:SchedulePollingInterval", "00:00:01");
        With("Jobs:QueuePollInterval", "00:00:00.200");
        foreach (var job in ShippedSchedules()) With($"Jobs:Schedules:{job}:Enabled", "false");
        With("Jobs:Retry:Attempts", "2");
        With("Jobs:Retry:InitialDelay", "00:00:01");
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

    internal static IEnumerable<string> ShippedSchedules()
    {
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "src", "MiniCode.Host", "appsettings.json")));
        return settings.RootElement.GetProperty("Jobs").GetProperty("Schedules").EnumerateObject().Select(p => p.Name).ToList();
    }

    /// <summary>Starts the host (and its Hangfire server).</summary>
    public JobsTestHost Start()
    {
        CreateClient();
        return this;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Starts the job through "run now" (audited, queued in storage, run by the server) and waits for its run.</summary>
    public async Task<TestJobRun> RunNowAsync(string job, int timeoutSeconds = 30)
    {
        Start();
        var before = (await RunsAsync(job)).Count;
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<JobsService>().RunNowAsync(job, "test");
        return (await WaitForEndedRunsAsync(job, before + 1, timeoutSeconds))[before];
    }

    /// <summary>The job's finished runs (succeeded or failed for good), oldest first.</summary>
    public Task<List<TestJobRun>> RunsAsync(string job)
    {
        var storage = Get<JobStorage>();
        var api = storage.GetMonitoringApi();
        var ids = api.SucceededJobs(0, 5000).Where(j => IsRunOf(j.Value?.Job, job)).Select(j => j.Key)
            .Concat(api.FailedJobs(0, 5000).Where(j => IsRunOf(j.Value?.Job, job)).Select(j => j.Key));
        using var connection = storage.GetConnection();
        var runs = ids.Select(id => Read(api, connection, id, job)).OrderBy(r => r.EndedAt).ThenBy(r => long.Parse(r.JobId, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return Task.FromResult(runs);
    }

    private static bool IsRunOf(Hangfire.Common.Job? job, string name) => job?.Args is [string n, ..] && n == name;

    private static TestJobRun Read(IMonitoringApi api, IStorageConnection connection, string id, string job)
    {
        var details = api.JobDetails(id);
        var history = details.History; // newest first
        var final = history[0];
        var succeeded = final.StateName == "Succeeded";
        var items = succeeded && final.Data.TryGetValue("Result", out var result) ? JobResultText.ItemsProcessed(result) ?? 0 : 0;
        var server = history.FirstOrDefault(h => h.StateName == "Processing")?.Data is { } processing && processing.TryGetValue("ServerId", out var serverId) ? serverId : null;
        long? scheduled = connection.GetJobParameter(id, "Time") is { Length: > 0 } t ? long.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new TestJobRun(id, job, succeeded ? JobOutcome.Succeeded : JobOutcome.Failed, items,
            final.Data.TryGetValue("ExceptionMessage", out var error) ? error : null, server, final.CreatedAt, scheduled,
            // AutomaticRetry turns a failed attempt into "Scheduled" with the reason "Retry attempt n of m: …".
            history.Count(h => h.StateName == "Scheduled" && h.Reason?.StartsWith("Retry attempt", StringComparison.Ordinal) == true));
    }

    /// <summary>Waits (real time, bounded) until <paramref name="count"/> runs of the job have finished.</summary>
    public async Task<List<TestJobRun>> WaitForEndedRunsAsync(string job, int count, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var runs = await RunsAsync(job);
            if (runs.Count >= count) return runs;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{job}: {runs.Count} of {count} run(s) finished in {timeoutSeconds}s");
            await Task.Delay(100);
        }
    }

    /// <summary>Calls the job the way Hangfire does (its runner, in a fresh scope), without the queue: the item count.</summary>
    public async Task<int> InvokeAsync(string job)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<JobRunner>().RunAsync(job, CancellationToken.None)).ItemsProcessed;
    }
}

public sealed class FlakyState
{
    public int FailuresLeft;
}

public sealed class CounterJob : IMiniCodeJob
{
    public Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => Task.FromResult(new JobResult(1));
}

public sealed class FlakyJob(FlakyState state) : IMiniCodeJob
{
    public Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) =>
        Interlocked.Decrement(ref state.FailuresLeft) >= 0
            ? throw new InvalidOperationException("upstream unavailable")
            : Task.FromResult(new JobResult(7));
}
