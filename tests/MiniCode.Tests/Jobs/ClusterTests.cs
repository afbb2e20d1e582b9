using MiniCode.Data;
using MiniCode.Features.Jobs;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Jobs;

public sealed class ClusterTests
{
    [PostgresFact]
    public async Task Two_nodes_on_one_PostgreSQL_run_each_firing_exactly_once()
    {
        using var a = new JobsTestHost("node-a").Start();
        using var b = new JobsTestHost("node-b", shareWith: a).Start();

        const int firings = 4;
        for (var i = 1; i <= firings; i++)
        {
            a.Clock.Advance(TimeSpan.FromMinutes(10));
            await a.WaitForEndedRunsAsync("test-counter", i);
        }
        await Task.Delay(2000); // give a duplicate every chance to show up
        var runs = await a.RunsAsync("test-counter");
        Assert.Equal(firings, runs.Count);
        Assert.Equal(firings, runs.Select(r => r.ScheduledFor).Distinct().Count());
        Assert.All(runs, r => Assert.Contains(r.Node, new[] { "node-a", "node-b" }));
    }
}

public sealed class DowntimeTests
{
    [PostgresFact]
    public async Task A_node_starting_after_downtime_runs_the_missed_schedule_once()
    {
        using var owner = new MiniCodeFactory(); // owns the database; runs no jobs
        owner.CreateClient();
        using (var before = new JobsTestHost("node-a", shareWith: owner).Start())
        {
            owner.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Single(await before.WaitForEndedRunsAsync("test-counter", 1));
        }

        owner.Clock.Advance(TimeSpan.FromHours(2)); // all nodes down: twelve 10-minute firings missed
        using var after = new JobsTestHost("node-b", shareWith: owner).Start();
        var runs = await after.WaitForEndedRunsAsync("test-counter", 2);
        await Task.Delay(2000); // a second catch-up would show up by now
        runs = await after.RunsAsync("test-counter");
        Assert.Equal(2, runs.Count);
        Assert.Equal(("node-b", JobOutcome.Succeeded), (runs[1].Node, runs[1].Outcome));
        Assert.Equal(owner.Clock.GetUtcNow(), runs[1].StartedAt);
    }
}

/// <summary>A test that needs PostgreSQL: skipped, with the reason, when the suite runs on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.CurrentProvider != DatabaseProvider.Postgres)
            Skip = "The clustered job store needs PostgreSQL (MINICODE_TEST_DB=postgres); on SQLite the scheduler is one in-memory node.";
    }
}
