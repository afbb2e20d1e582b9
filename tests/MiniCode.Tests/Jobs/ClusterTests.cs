using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Jobs;

public sealed class ClusterTests
{
    [PostgresFact]
    public async Task Two_nodes_on_one_PostgreSQL_run_each_firing_exactly_once()
    {
        using var a = new JobsTestHost("node-a");
        a.With("Jobs:Schedules:test-counter:Cron", "* * * * * *"); // every second, for both nodes
        a.Start();
        using var b = new JobsTestHost("node-b", shareWith: a);
        b.With("Jobs:Schedules:test-counter:Cron", "* * * * * *");
        b.Start();

        const int firings = 6;
        await a.WaitForEndedRunsAsync("test-counter", firings, timeoutSeconds: 60);
        var runs = await a.RunsAsync("test-counter");
        Assert.All(runs, r => Assert.Equal(JobOutcome.Succeeded, r.Outcome));
        Assert.Equal(runs.Count, runs.Select(r => r.ScheduledFor).Distinct().Count()); // no firing ran twice
        Assert.All(runs, r => Assert.True(r.Server!.StartsWith("node-a", StringComparison.Ordinal) || r.Server.StartsWith("node-b", StringComparison.Ordinal), r.Server));
    }
}
