using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

public sealed class UsageCounterTests
{
    [Fact]
    public async Task Counts_added_while_batches_are_taken_all_land_in_some_batch()
    {
        var counters = new CodeUsageCounters(new TestClock());
        const int threads = 4, each = 20_000;
        var drained = 0L;
        using var stop = new CancellationTokenSource();
        var drainer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) { drained += counters.Drain().Values.Sum(); await Task.Yield(); }
        });
        await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < each; i++) counters.Increment(CodeType.HealthCode, "110105", CodeUsage.Shown);
        })));
        await stop.CancelAsync();
        await drainer;
        drained += counters.Drain().Values.Sum();
        Assert.Equal(threads * each, drained);
    }
}
