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
        GetFromAsync(_cache, key, $"{key}@{group}", signalsDuringLoad);

    private ValueTask<string> GetFromAsync(SignalledCache<long, string> cache, long key, string value, params string[] signalsDuringLoad) =>
        cache.GetAsync(key, 0, async (_, _, _) =>
        {
            Interlocked.Increment(ref _loads);
            foreach (var signal in signalsDuringLoad) await _signals.PublishAsync(Topic, signal);
            return value;
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

    [Fact]
    public async Task One_signal_drops_every_key_of_its_group_and_an_invalidated_key_leaves_the_others_in_it()
    {
        await GetAsync(1, "a");
        await GetAsync(2, "a");
        await GetAsync(3, "a");
        _cache.Invalidate(2); // out of the group's keys; 1 and 3 stay in it
        await _signals.PublishAsync(Topic, "a");
        await GetAsync(1, "a");
        await GetAsync(3, "a");
        Assert.Equal(5, _loads);
    }

    [Fact]
    public async Task Without_groups_a_signal_is_read_as_the_key_it_names()
    {
        using var people = new SignalledCache<long, string>(_signals, new TestClock(), Topic, TimeSpan.FromMinutes(5), 1000);
        ValueTask<string> Get(long key, params string[] signalsDuringLoad) => GetFromAsync(people, key, "person " + key, signalsDuringLoad);

        await Get(42, "41", "420", "not-a-key");
        await Get(42);
        Assert.Equal(1, _loads); // signals about other keys, and one that names no key, leave it
        await _signals.PublishAsync(Topic, "42");
        await Get(42);
        Assert.Equal(2, _loads);
        await Get(43, "43"); // signalled while loading: not kept
        await Get(43);
        Assert.Equal(4, _loads);
        await _signals.PublishAsync(Topic, SignalledCache<long, string>.AllKeys);
        await Get(42);
        Assert.Equal(5, _loads);
    }

    [Fact]
    public void A_cache_whose_keys_cannot_be_read_back_from_a_signal_needs_its_groups()
    {
        var error = Assert.Throws<ArgumentException>(() => new SignalledCache<(long, long), string>(_signals, new TestClock(), Topic, TimeSpan.FromMinutes(5), 10));
        Assert.Equal("groupOf", error.ParamName);
    }

    public void Dispose() => _cache.Dispose();
}
