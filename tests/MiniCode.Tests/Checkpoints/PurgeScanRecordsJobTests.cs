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
    public async Task Records_older_than_the_retention_are_purged_by_the_job()
    {
        using var host = new JobsTestHost().Start();
        var jobs = await host.WithServiceAsync<JobsService, IReadOnlyList<JobSummary>>(j => Task.FromResult(j.List()));
        Assert.Contains(jobs, j => j.Name == "purge-scan-records");

        var (_, siteId) = await host.SiteAsync();
        var scanner = await host.SeniorAsync(siteId);
        var citizen = await host.CitizenAsync();
        await citizen.DeclareAsync();
        var old = (await scanner.ScanOkAsync(citizen)).GetProperty("id").GetInt64();
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.RunNowAsync("purge-scan-records");
        Assert.Equal([old], await IdsAsync(host));

        host.Clock.Advance(TimeSpan.FromDays(26)); // day 27: nothing old enough yet; then a fresh record
        Assert.Equal(0, (await host.RunNowAsync("purge-scan-records")).ItemsProcessed);
        Assert.Equal([old], await IdsAsync(host));
        var fresh = (await (scanner with { Client = await host.ScannerLoginAsync(scanner.Phone, scanner.Password) })
            .ScanOkAsync(await host.ReloginAsync(citizen))).GetProperty("id").GetInt64();
        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)); // past day 28: the first record is older than the retention
        var run = await host.RunNowAsync("purge-scan-records");
        Assert.Equal((JobOutcome.Succeeded, 1), (run.Outcome, run.ItemsProcessed));
        Assert.Equal([fresh], await IdsAsync(host));
    }

    private static Task<List<long>> IdsAsync(JobsTestHost host) =>
        host.QueryAsync(db => db.Set<ScanRecord>().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
}
