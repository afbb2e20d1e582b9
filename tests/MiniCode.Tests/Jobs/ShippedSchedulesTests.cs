using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Features.Jobs;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Jobs;

/// <summary>
/// Every job a feature registers has a cron schedule in the host's shipped configuration (a job without one runs only
/// on "run now", so offline cards would never expire on their own), is documented in appsettings.sample.json and the
/// README's jobs table.
/// </summary>
public sealed class ShippedSchedulesTests
{
    [Fact]
    public void Every_registered_job_is_scheduled_by_default_and_documented_in_the_sample()
    {
        using var factory = new MiniCodeFactory();
        var jobs = factory.Services.GetServices<JobRegistration>().Select(j => j.Name).ToList();
        Assert.Contains("purge-portraits", jobs);
        var configuration = factory.Services.GetRequiredService<IConfiguration>();
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "README.md"));
        var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "appsettings.sample.json")))
            .RootElement.GetProperty("Jobs").GetProperty("Schedules");
        foreach (var job in jobs)
        {
            var schedule = configuration.GetSection($"Jobs:Schedules:{job}");
            Assert.True(schedule["Cron"] is { Length: > 0 }, $"job {job} has no default schedule");
            Assert.True(sample.TryGetProperty(job, out _), $"job {job} is missing from appsettings.sample.json");
            Assert.Contains($"| `{job}` |", readme);
        }
    }
}
