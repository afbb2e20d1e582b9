using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.Jobs;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Jobs;

namespace MiniCode.Tests.HealthCodes;

public sealed class PurgeImportRejectionsJobTests
{
    [Fact]
    public async Task Rejected_rows_older_than_the_retention_are_purged_by_the_job()
    {
        using var host = new JobsTestHost();
        host.With("MiniCode:HealthCodes:ApiKeys:Authority", HealthCodesFactory.AuthorityKey)
            .With("MiniCode:HealthCodes:Imports:RejectedRowsRetentionDays", "10");
        host.Start();
        var jobs = await host.WithServiceAsync<JobsService, IReadOnlyList<JobSummary>>(j => Task.FromResult(j.List()));
        Assert.Contains(jobs, j => j.Name == "purge-import-rejections");

        const string csv = "region_code,starts_on,ends_on\n12345,2026-11-01,\n";
        var old = (await host.ImportCsvAsync("regions", csv)).GetProperty("id").GetInt64();
        host.Clock.Advance(TimeSpan.FromDays(9));
        var fresh = (await host.ImportCsvAsync("regions", csv)).GetProperty("id").GetInt64();
        Assert.Equal(0, (await host.RunNowAsync("purge-import-rejections")).ItemsProcessed);

        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)); // the first import is now older than ten days
        var run = await host.RunNowAsync("purge-import-rejections");
        Assert.Equal((JobOutcome.Succeeded, 1), (run.Outcome, run.ItemsProcessed));
        Assert.Equal([fresh], await host.QueryAsync(db => db.Set<HealthDataImportRejection>().Select(r => r.ImportId).ToListAsync()));
        // The import keeps its counts.
        Assert.Equal(1, await host.QueryAsync(db => db.Set<HealthDataImport>().Where(i => i.Id == old).Select(i => i.RejectedRows).SingleAsync()));
    }
}
