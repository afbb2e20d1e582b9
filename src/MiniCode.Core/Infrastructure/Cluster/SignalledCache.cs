using System.Collections.Concurrent;
using System.Globalization;

namespace MiniCode.Infrastructure.Cluster;

/// <summary>
/// A read-through, in-process cache of values loaded from the database and dropped on every node by a cluster signal
/// on <see cref="Topic"/>. The rules a hot-path cache needs, in one place:
/// <list type="bullet">
/// <item>the writer calls <see cref="PublishAsync"/> (or the entity raises the signal, see <see cref="IClusterSignalled"/>)
/// after its commit; every node drops the entries of that key (or every entry for <see cref="AllKeys"/>);</item>
/// <item>an entry lives at most <c>lifetime</c> (by the host's <see cref="TimeProvider"/>), the bound on staleness if a
/// signal is ever lost;</item>
/// <item>nothing is served while the signal listener is down, nor an entry loaded before it reconnected
/// (<see cref="IClusterSignals.ConnectedSince"/>): the loader runs instead;</item>
/// <item>a value loaded while a signal about it arrived (its key, its group or all keys) is not stored: it may predate
/// the write. Signals about other keys do not matter, so a busy system still fills its cache. At most
/// <c>maxEntries</c> are kept.</item>
/// </list>
/// Entries are grouped by a signal key (by default the cache key itself; sessions group token hashes by account), so
/// one signal drops every entry of the group. Only a cache with a <c>groupOf</c> of its own keeps an index of its
/// groups (a small array of keys per group): with the default, the signal key is parsed back into the cache key, so a
/// million cached people cost no per-person index. Values must be immutable.
/// </summary>
public sealed class SignalledCache<TKey, TValue> : IDisposable where TKey : notnull
{
    /// <summary>The signal key that drops every entry (an import of high-risk regions, a rule change).</summary>
    public const string AllKeys = "*";

    // Group is null in a cache without groupOf: the entry's signal key is its own key.
    private sealed record Entry(TValue Value, string? Group, DateTimeOffset ExpiresAt, DateTimeOffset ConnectedSince);

    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private readonly ConcurrentDictionary<string, GroupKeys>? _groups;
    private readonly IClusterSignals _signals;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly int _maxEntries;
    private readonly Func<TKey, TValue, string>? _groupOf;
    private readonly IDisposable _subscription;
    // Drops are numbered; a load remembers the number it started at and stores only if nothing about it was dropped since.
    private long _sequence;
    private long _allDroppedAt;
    private readonly ConcurrentDictionary<string, long> _groupDroppedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<TKey, long> _keyDroppedAt = new();
    // Past this many remembered drops they are forgotten at once, as if all keys had been dropped (safe: loads in
    // flight then do not store).
    private const int MaxRememberedDrops = 10_000;
    private DateTimeOffset _nextSweep;

    public string Topic { get; }

    /// <param name="groupOf">The signal key of an entry; by default the cache key (invariant culture).</param>
    public SignalledCache(IClusterSignals signals, TimeProvider time, string topic, TimeSpan lifetime, int maxEntries,
        Func<TKey, TValue, string>? groupOf = null)
    {
        _signals = signals;
        _time = time;
        _lifetime = lifetime;
        _maxEntries = maxEntries;
        _groupOf = groupOf;
        if (groupOf is not null) _groups = new(StringComparer.Ordinal);
        else if (!ParsableKeys) throw new ArgumentException($"A cache keyed by {typeof(TKey).Name} needs a groupOf: its signal keys cannot be read back as keys.", nameof(groupOf));
        Topic = topic;
        _subscription = signals.Subscribe(topic, Drop);
    }

    public static string KeyText(TKey key) => Convert.ToString(key, CultureInfo.InvariantCulture) ?? "";

    private static bool ParsableKeys => typeof(TKey) == typeof(string) || typeof(TKey) == typeof(long) || typeof(TKey) == typeof(int);

    /// <summary>The cache key whose <see cref="KeyText"/> is <paramref name="text"/>.</summary>
    private static bool TryParseKey(string text, out TKey key)
    {
        key = default!;
        if (typeof(TKey) == typeof(string)) key = (TKey)(object)text;
        else if (typeof(TKey) == typeof(long) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) key = (TKey)(object)l;
        else if (typeof(TKey) == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) key = (TKey)(object)i;
        else return false;
        return true;
    }

    public int Count => _entries.Count;

    /// <summary>The cached value of <paramref name="key"/>, or the loader's (stored when it may be cached: not null, no signal meanwhile).</summary>
    public async ValueTask<TValue> GetAsync<TState>(TKey key, TState state, Func<TKey, TState, CancellationToken, Task<TValue>> load, CancellationToken ct)
    {
        var connectedSince = _signals.ConnectedSince;
        var now = _time.GetUtcNow();
        if (connectedSince is { } since && _entries.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresAt > now && entry.ConnectedSince == since) return entry.Value;
            Remove(key, entry);
        }
        var before = Interlocked.Read(ref _sequence);
        var value = await load(key, state, ct);
        if (connectedSince is { } at && value is not null) Store(key, value, at, before);
        return value;
    }

    /// <summary>Drops <paramref name="key"/> here only (a cached value turned out stale, e.g. a due review).</summary>
    public void Invalidate(TKey key)
    {
        Record(_keyDroppedAt, key);
        if (_entries.TryGetValue(key, out var entry)) Remove(key, entry);
    }

    /// <summary>Drops the entries of signal key <paramref name="group"/> on every node; call after the commit.</summary>
    public Task PublishAsync(string group, CancellationToken ct = default) => _signals.PublishAsync(Topic, group, ct);

    private void Store(TKey key, TValue value, DateTimeOffset connectedSince, long loadStartedAt)
    {
        var now = _time.GetUtcNow();
        if (_entries.Count >= _maxEntries && !Sweep(now)) return;
        var group = _groupOf?.Invoke(key, value);
        if (group is not null) _groups!.GetOrAdd(group, static _ => new()).Add(key);
        _entries[key] = new Entry(value, group, now + _lifetime, connectedSince);
        // Checked after storing, while a drop records itself before removing: one of the two always sees the other.
        if (DroppedSince(key, group, loadStartedAt) && _entries.TryGetValue(key, out var stored)) Remove(key, stored);
    }

    private bool DroppedSince(TKey key, string? group, long sequence) =>
        Interlocked.Read(ref _allDroppedAt) > sequence
        || (group is not null && _groupDroppedAt.TryGetValue(group, out var groupAt) && groupAt > sequence)
        || (_keyDroppedAt.TryGetValue(key, out var keyAt) && keyAt > sequence);

    // Never lowered, so two drops racing cannot leave the older number behind.
    private void Record<T>(ConcurrentDictionary<T, long> droppedAt, T what) where T : notnull
    {
        var at = Interlocked.Increment(ref _sequence);
        droppedAt.AddOrUpdate(what, at, (_, previous) => Math.Max(previous, at));
        ForgetOldDrops();
    }

    private void RaiseAllDropped()
    {
        var at = Interlocked.Increment(ref _sequence);
        for (var seen = Interlocked.Read(ref _allDroppedAt); seen < at; seen = Interlocked.Read(ref _allDroppedAt))
            if (Interlocked.CompareExchange(ref _allDroppedAt, at, seen) == seen) break;
    }

    // Cleared first, then covered by an all-keys number newer than anything cleared.
    private void ForgetOldDrops()
    {
        if (_groupDroppedAt.Count + _keyDroppedAt.Count <= MaxRememberedDrops) return;
        _groupDroppedAt.Clear();
        _keyDroppedAt.Clear();
        RaiseAllDropped();
    }

    private void Drop(string group)
    {
        if (group == AllKeys)
        {
            RaiseAllDropped();
            _entries.Clear();
            _groups?.Clear();
            return;
        }
        if (_groups is null)
        {
            // The signal key is the cache key: dropped like an invalidation, on every node.
            if (TryParseKey(group, out var key)) Invalidate(key);
            return;
        }
        Record(_groupDroppedAt, group);
        if (!_groups.TryRemove(group, out var keys)) return;
        foreach (var key in keys.Snapshot) _entries.TryRemove(key, out _);
    }

    private void Remove(TKey key, Entry entry)
    {
        if (!_entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry))) return;
        if (entry.Group is not null && _groups!.TryGetValue(entry.Group, out var keys)) keys.Remove(key);
    }

    // Full: drop expired entries, at most once per lifetime; true when there is room again.
    private bool Sweep(DateTimeOffset now)
    {
        lock (_entries)
        {
            if (now >= _nextSweep)
            {
                _nextSweep = now + _lifetime;
                foreach (var (key, entry) in _entries)
                    if (entry.ExpiresAt <= now) Remove(key, entry);
                if (_groups is not null)
                    foreach (var (group, keys) in _groups)
                        if (keys.IsEmpty) _groups.TryRemove(new KeyValuePair<string, GroupKeys>(group, keys));
            }
        }
        return _entries.Count < _maxEntries;
    }

    /// <summary>The keys of one group: mostly one or two (an account's sessions), so an array copied on change.</summary>
    private sealed class GroupKeys
    {
        private TKey[] _keys = [];

        public TKey[] Snapshot => Volatile.Read(ref _keys);
        public bool IsEmpty => Snapshot.Length == 0;

        public void Add(TKey key)
        {
            lock (this)
                if (Array.IndexOf(_keys, key) < 0) Volatile.Write(ref _keys, [.. _keys, key]);
        }

        public void Remove(TKey key)
        {
            lock (this)
            {
                var at = Array.IndexOf(_keys, key);
                if (at >= 0) Volatile.Write(ref _keys, [.. _keys.AsSpan(0, at), .. _keys.AsSpan(at + 1)]);
            }
        }
    }

    public void Dispose() => _subscription.Dispose();
}
