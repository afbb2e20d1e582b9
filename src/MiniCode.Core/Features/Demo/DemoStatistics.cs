using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.HealthCodes.Statistics;

namespace MiniCode.Features.Demo;

/// <summary>
/// A week of statistics before today: daily usage counters per code type and district, as the counters' flush would have
/// written them, rolled up by the same service the nightly job runs. Today's figures are the demo's real scans.
/// </summary>
internal sealed class DemoStatistics(IServiceProvider services, DemoWorld world, DemoOptions options)
{
    public async Task BuildAsync(CancellationToken ct)
    {
        var db = services.GetRequiredService<MiniCodeDbContext>();
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var rollup = services.GetRequiredService<CodeStatisticsService>();
        var health = CodeType.HealthCode.WireName();
        for (var back = options.StatisticsDays; back >= 1; back--)
        {
            var day = today.AddDays(-back);
            foreach (var (district, i) in world.Districts.Select((d, i) => (d, i)))
            {
                // A plausible week: weekdays busier than weekends, districts of different sizes.
                var size = (4 - i) * (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 60 : 100) + back * 7;
                Usage(db, day, health, district.RegionCode, CodeUsage.Shown, size * 3);
                Usage(db, day, health, district.RegionCode, CodeUsage.VerifiedPrefix + CodeUsage.Valid, size);
                Usage(db, day, health, district.RegionCode, CodeUsage.VerifiedPrefix + "expired", size / 20 + 1);
                Usage(db, day, CodeType.Poster.WireName(), district.RegionCode, CodeUsage.CheckedIn, size / 2);
            }
        }
        await db.SaveChangesAsync(ct);
        for (var back = options.StatisticsDays; back >= 0; back--)
            await rollup.RollUpAsync(today.AddDays(-back), ct);
    }

    private static void Usage(MiniCodeDbContext db, DateOnly day, string type, string region, string metric, long count) =>
        db.Add(new CodeUsageDaily { Day = day, CodeType = type, RegionCode = region, Metric = metric, Count = count });
}
