using Microsoft.Extensions.Logging.Abstractions;
using MiniCode.Infrastructure.Cluster;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Cluster;

/// <summary>
/// The read-through cache under signals: a value loaded while a signal about it arrived is not kept (it may predate
/// the write), while signals about other keys, which a busy system sends all the time, do not stop it filling.
/// </summary>
public sealed class SignalledCacheTests : IDisposable
{
    private const string Topic = "test.cache";
    private readonly InProcessClusterSignals _signals = new(NullLogger<InProcessClusterSignals>.Instance);
    private readonly SignalledCache<long, string> _cache;
    private int _loads;

    public SignalledCacheTests() => _cache = new(_signals, new TestClock(), Topic, TimeSpan.FromMinutes(5), 1000, (_, value) => value.Split('@')[1]);

    // Loads "key@group"; while loading, the test may publish signals (as another request's commit would).
    private ValueTask<string> GetAsync(long key, string group, params string[] signalsDuringLoad) =>
        _cache.GetAsync(key, 0, async (k, _, _) =>
        {
            Interlocked.Increment(ref _loads);
            foreach (var signal in signalsDuringLoad) await _signals.PublishAsync(Topic, signal);
            return $"{k}@{group}";
        }, CancellationToken.None);

    [Fact]
    public async Task Signals_about_other_keys_during_a_load_do_not_stop_the_value_being_kept()
    {
        await GetAsync(1, "a", "b", "c", "zz");
        await GetAsync(1, "a");
        Assert.Equal(1, _loads);
    }

    [Theory]
    [InlineData("a")] // its group
    [InlineData(SignalledCache<long, string>.AllKeys)]
    public async Task A_signal_about_the_value_during_its_load_means_it_is_loaded_again_next_time(string signal)
    {
        await GetAsync(1, "a", signal);
        await GetAsync(1, "a");
        await GetAsync(1, "a");
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task Invalidating_a_key_during_its_load_is_not_undone_by_the_load()
    {
        await _cache.GetAsync(7L, 0, (k, _, _) =>
        {
            Interlocked.Increment(ref _loads);
            _cache.Invalidate(7); // a due review noticed by another request meanwhile
            return Task.FromResult($"{k}@g");
        }, CancellationToken.None);
        await GetAsync(7, "g");
        await GetAsync(7, "g");
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task A_signal_after_the_value_was_kept_drops_it_and_many_remembered_signals_stay_safe()
    {
        await GetAsync(1, "a");
        await _signals.PublishAsync(Topic, "a");
        await GetAsync(1, "a");
        Assert.Equal(2, _loads);
        // More signals than the cache remembers: it forgets them as if all keys were dropped, never keeping a stale load.
        await GetAsync(2, "b", [.. Enumerable.Range(0, 10_050).Select(i => "other-" + i), "b"]);
        await GetAsync(2, "b");
        Assert.Equal(4, _loads);
        await GetAsync(2, "b");
        Assert.Equal(4, _loads);
    }

    public void Dispose() => _cache.Dispose();
}
