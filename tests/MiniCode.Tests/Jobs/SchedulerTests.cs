using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Errors;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Jobs;

/// <summary>Runs through Hangfire's server on the storage of the provider under test (SQLite file or PostgreSQL schema).</summary>
public sealed class SchedulerTests
{
    [Fact]
    public async Task A_cron_schedule_fires_through_the_server_and_keeps_the_items_it_reported()
    {
        using var host = new JobsTestHost();
        host.With("Jobs:Schedules:test-counter:Cron", "* * * * * *"); // every second
        host.Start();

        var run = (await host.WaitForEndedRunsAsync("test-counter", 1))[0];
        Assert.Equal((JobOutcome.Succeeded, 1), (run.Outcome, run.ItemsProcessed));
        Assert.StartsWith("node-a", run.Server);
        Assert.NotNull(run.ScheduledFor);

        // The schedule keeps firing every second, so the summary's last run may be one just queued or running: its
        // item count is read once that run has ended.
        var summary = await SummaryWhenLastRunEndedAsync(host, "test-counter");
        Assert.Equal("* * * * * *", summary.Cron);
        Assert.True(summary.NextRunAt > DateTimeOffset.UtcNow.AddSeconds(-2));
        Assert.True(long.Parse(summary.LastRun!.JobId, System.Globalization.CultureInfo.InvariantCulture)
            >= long.Parse(run.JobId, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, summary.LastRun.ItemsProcessed);
    }

    private static async Task<JobSummary> SummaryWhenLastRunEndedAsync(JobsTestHost host, string job)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var scope = host.Get<IServiceScopeFactory>().CreateScope();
            var summary = scope.ServiceProvider.GetRequiredService<JobsService>().List().Single(j => j.Name == job);
            if (summary.LastRun?.State == "Succeeded" || DateTime.UtcNow > deadline) return summary;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_schedule_missed_while_every_node_was_down_runs_once_when_one_is_back()
    {
        using var owner = new MiniCodeFactory(); // owns the database; runs no jobs
        owner.CreateClient();
        using (var before = new JobsTestHost("node-a", shareWith: owner))
        {
            before.With("Jobs:Schedules:test-counter:Cron", "*/10 * * * *");
            before.Start();
            await before.Get<JobServer>().StopAsync(CancellationToken.None);
            Assert.Empty(await before.RunsAsync("test-counter"));
            // What two hours of downtime leave behind: the last run two hours ago, so the stored next run (the first
            // 10-minute mark after it) lies in the past and twelve firings were missed.
            SetLastRun(before, DateTime.UtcNow.AddHours(-2));
        }
        using var after = new JobsTestHost("node-b", shareWith: owner);
        after.With("Jobs:Schedules:test-counter:Cron", "*/10 * * * *");
        after.Start();

        var runs = await after.WaitForEndedRunsAsync("test-counter", 1);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second catch-up run would be queued within a few polls
        runs = await after.RunsAsync("test-counter");
        var run = Assert.Single(runs);
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        Assert.StartsWith("node-b", run.Server);
        using var connection = after.Get<JobStorage>().GetConnection();
        Assert.True(connection.GetRecurringJobs().Single(j => j.Id == "test-counter").NextExecution > DateTime.UtcNow);
    }

    private static void SetLastRun(JobsTestHost host, DateTime at)
    {
        var next = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        next = next.AddMinutes(10 - next.Minute % 10);
        var storage = host.Get<JobStorage>();
        using var connection = storage.GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == "test-counter");
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash("recurring-job:test-counter",
        [
            new("CreatedAt", Hangfire.Common.JobHelper.SerializeDateTime(at.AddDays(-1))),
            new("LastExecution", Hangfire.Common.JobHelper.SerializeDateTime(at)),
            new("NextExecution", Hangfire.Common.JobHelper.SerializeDateTime(next)),
        ]);
        transaction.AddToSet("recurring-jobs", "test-counter", Hangfire.Common.JobHelper.ToTimestamp(next));
        transaction.Commit();
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_growing_waits_and_one_failing_for_good_stays_failed()
    {
        using var host = new JobsTestHost().Start();
        host.Flaky.FailuresLeft = 2;
        var retried = await host.RunNowAsync("test-flaky");
        Assert.Equal((JobOutcome.Succeeded, 7, 2), (retried.Outcome, retried.ItemsProcessed, retried.Retries));
        var waits = RetryWaits(host, retried.JobId);
        Assert.Equal([1, 2], waits); // Jobs:Retry:InitialDelay 1 s, Factor 2

        host.Flaky.FailuresLeft = 100;
        var failed = await host.RunNowAsync("test-flaky");
        Assert.Equal((JobOutcome.Failed, 2), (failed.Outcome, failed.Retries));
        Assert.Contains("upstream unavailable", failed.ErrorMessage);
        var summary = host.Get<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<JobsService>().List()
            .Single(j => j.Name == "test-flaky");
        Assert.True(summary.LastRun!.Failed);
        Assert.Null(summary.Cron);

        await using var check = host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        Assert.Equal(2, await db.Set<MiniCode.Features.Audit.AuditEntry>().CountAsync(a => a.Action == "job.run_now" && a.TargetId == "test-flaky"));
    }

    /// <summary>Seconds between each failed attempt and the retry it scheduled.</summary>
    private static List<int> RetryWaits(JobsTestHost host, string jobId) =>
        host.Get<JobStorage>().GetMonitoringApi().JobDetails(jobId).History
            .Where(h => h.StateName == "Scheduled").Reverse()
            .Select(h => (int)Math.Round((Hangfire.Common.JobHelper.DeserializeDateTime(h.Data["EnqueueAt"]) - Hangfire.Common.JobHelper.DeserializeDateTime(h.Data["ScheduledAt"])).TotalSeconds))
            .ToList();

    [Fact]
    public async Task Run_now_refuses_an_unknown_job_and_a_cluster_without_a_running_server()
    {
        using var host = new JobsTestHost().Start();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var ex = await Assert.ThrowsAsync<ApiException>(() => scope.ServiceProvider.GetRequiredService<JobsService>().RunNowAsync("no-such-job", "staff:1"));
            Assert.Equal(JobsErrors.UnknownJob, ex.Error);
        }
        using var noJobs = new MiniCodeFactory();
        noJobs.CreateClient();
        await using var s2 = noJobs.Services.CreateAsyncScope();
        var ex2 = await Assert.ThrowsAsync<ApiException>(() => s2.ServiceProvider.GetRequiredService<JobsService>().RunNowAsync("expire-sessions", "staff:1"));
        Assert.Equal(JobsErrors.SchedulerNotRunning, ex2.Error);
    }

    [Fact]
    public async Task Invoking_a_job_runs_it_with_the_test_clock_and_no_queue()
    {
        using var host = new JobsTestHost().Start();
        Assert.Equal(1, await host.InvokeAsync("test-counter"));
        Assert.Empty(await host.RunsAsync("test-counter"));
    }
}
