using Microsoft.Extensions.DependencyInjection;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Jobs;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Jobs;

namespace MiniCode.Tests.Checkpoints;

public sealed class PurgeScanRecordsJobTests
{
    [Fact]
    public async Task Records_older_than_the_retention_are_purged_by_the_scheduled_job()
    {
        using var host = new JobsTestHost();
        host.With("Jobs:Schedules:purge-scan-records:Enabled", "true");
        host.With("Jobs:Schedules:purge-scan-records:Cron", "");
        host.With("Jobs:Schedules:purge-scan-records:Interval", "1.00:00:00");
        host.Start();
        var jobs = await host.WithServiceAsync<JobsService, IReadOnlyList<JobSummary>>(j => j.ListAsync());
        Assert.Contains(jobs, j => j.Name == "purge-scan-records");

        var (_, siteId) = await host.SiteAsync();
        var scanner = await host.SeniorAsync(siteId);
        var citizen = await host.CitizenAsync();
        await citizen.DeclareAsync();
        var old = (await scanner.ScanOkAsync(citizen)).GetProperty("id").GetInt64();
        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Single(await host.WaitForEndedRunsAsync("purge-scan-records", 1));
        Assert.Equal([old], await IdsAsync(host));

        host.Clock.Advance(TimeSpan.FromDays(26)); // day 27: nothing old enough yet; then a fresh record
        Assert.Equal(2, (await host.WaitForEndedRunsAsync("purge-scan-records", 2)).Count);
        Assert.Equal([old], await IdsAsync(host));
        var fresh = (await (scanner with { Client = await host.ScannerLoginAsync(scanner.Phone, scanner.Password) })
            .ScanOkAsync(await host.ReloginAsync(citizen))).GetProperty("id").GetInt64();
        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)); // past day 28: the first record is older than the retention
        var runs = await host.WaitForEndedRunsAsync("purge-scan-records", 3);
        Assert.Equal((JobOutcome.Succeeded, 1), (runs[^1].Outcome, runs[^1].ItemsProcessed));
        Assert.Equal([fresh], await IdsAsync(host));
    }

    private static Task<List<long>> IdsAsync(JobsTestHost host) =>
        host.QueryAsync(db => db.Set<ScanRecord>().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
}
