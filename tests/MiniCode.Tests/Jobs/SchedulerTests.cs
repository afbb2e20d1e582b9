using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Errors;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Jobs;

public sealed class SchedulerTests
{
    [Fact]
    public async Task Interval_schedule_fires_on_the_clock_and_records_history()
    {
        using var host = new JobsTestHost().Start();
        var jobs = host.Get<JobScheduler>();
        var next = (await jobs.Scheduler!.GetTrigger(JobScheduler.TriggerOf("test-counter")))!.NextFireTimeUtc;
        Assert.Equal(host.Clock.GetUtcNow() + TimeSpan.FromMinutes(10), next);

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var run = Assert.Single(await host.WaitForEndedRunsAsync("test-counter", 1));
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        Assert.Equal("node-a", run.Node);
        Assert.Equal("schedule", run.Cause);
        Assert.Equal(1, run.ItemsProcessed);
        Assert.Equal(host.Clock.GetUtcNow(), run.StartedAt);
        Assert.NotNull(run.EndedAt);
    }

    [Fact]
    public async Task Misfires_after_downtime_run_once_not_once_per_missed_interval()
    {
        using var host = new JobsTestHost().Start();
        var scheduler = host.Get<JobScheduler>().Scheduler!;
        await scheduler.Standby();
        host.Clock.Advance(TimeSpan.FromHours(1)); // six 10-minute firings missed
        await scheduler.Start();

        var run = Assert.Single(await host.WaitForEndedRunsAsync("test-counter", 1));
        Assert.True(run.Outcome == JobOutcome.Succeeded, run.ErrorMessage);
        await Task.Delay(1500); // nothing else may follow: one catch-up run
        Assert.Single(await host.RunsAsync("test-counter"));
        var next = (await scheduler.GetTrigger(JobScheduler.TriggerOf("test-counter")))!.NextFireTimeUtc;
        Assert.Equal(host.Clock.GetUtcNow() + TimeSpan.FromMinutes(10), next);
    }

    [Fact]
    public async Task Failing_job_retries_with_backoff_and_failures_are_recorded()
    {
        using var host = new JobsTestHost().Start();
        host.Flaky.FailuresLeft = 2;
        var start = host.Clock.GetUtcNow();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<JobsService>().RunNowAsync("test-flaky", "staff:1");

        var first = Assert.Single(await host.WaitForEndedRunsAsync("test-flaky", 1));
        Assert.Equal(JobOutcome.Failed, first.Outcome);
        Assert.Contains("upstream unavailable", first.ErrorMessage);
        Assert.Equal("manual", first.Cause);

        await host.WaitUntilIdleAsync(); // the failed firing is complete and its retry scheduled
        host.Clock.Advance(TimeSpan.FromMinutes(1)); // first retry after the initial delay
        var second = (await host.WaitForEndedRunsAsync("test-flaky", 2))[1];
        Assert.Equal((JobOutcome.Failed, 1), (second.Outcome, second.Attempt));

        await host.WaitUntilIdleAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(2)); // the wait doubles
        var third = (await host.WaitForEndedRunsAsync("test-flaky", 3))[2];
        Assert.Equal((JobOutcome.Succeeded, 2, 7), (third.Outcome, third.Attempt, third.ItemsProcessed));
        Assert.Equal(start + TimeSpan.FromMinutes(3), third.StartedAt);

        await using var check = host.Services.CreateAsyncScope();
        var list = await check.ServiceProvider.GetRequiredService<JobsService>().ListAsync();
        var flaky = list.Single(j => j.Name == "test-flaky");
        Assert.Equal(JobOutcome.Succeeded, flaky.LastRun!.Outcome);
        Assert.Equal("manual", flaky.Schedule);
        Assert.Null(flaky.NextFireAt);
        Assert.Equal(host.Clock.GetUtcNow() + TimeSpan.FromMinutes(7), list.Single(j => j.Name == "test-counter").NextFireAt);
        var db = check.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        Assert.True(await db.Set<MiniCode.Features.Audit.AuditEntry>().AnyAsync(a => a.Action == "job.run_now" && a.TargetId == "test-flaky"));
    }

    [Fact]
    public async Task Run_now_refuses_an_unknown_job_and_a_node_without_scheduler()
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
}
