using System.Collections.Concurrent;

namespace MiniCode.Infrastructure.Cluster;

/// <summary>
/// Cross-node signals: a write on one node tells every node's in-process caches (sessions, statuses, application
/// switches, styles) at once. The default delivers in-process only, which is all one node (SQLite) needs; the
/// PostgreSQL provider replaces it with LISTEN/NOTIFY. A signal is a hint to drop or refresh a cache entry, never
/// data: subscribers must stay correct when a signal is lost (short TTLs) and when one arrives twice.
/// </summary>
public interface IClusterSignals
{
    /// <summary>Delivers <paramref name="key"/> to every subscriber of <paramref name="topic"/> on every node, this one included.
    /// Call it after the write is committed.</summary>
    Task PublishAsync(string topic, string key, CancellationToken cancellationToken = default);

    /// <summary>Publishes several keys of one topic (one message per few hundred keys on PostgreSQL). Keys hold no line feed.</summary>
    async Task PublishManyAsync(string topic, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys) await PublishAsync(topic, key, cancellationToken);
    }

    /// <summary>Calls <paramref name="onSignal"/> with each key published on <paramref name="topic"/> until disposed. The
    /// callback runs on a background thread and must be quick and must not throw.</summary>
    IDisposable Subscribe(string topic, Action<string> onSignal);

    /// <summary>
    /// Since when this node receives every other node's signals, or null while it may miss some (the PostgreSQL
    /// listener is down). A cache must not serve an entry loaded before this instant, nor any entry while it is null
    /// (read the database instead): signals published meanwhile were lost. The value changes at each reconnection,
    /// so comparing it with the value seen when an entry was loaded is enough (see <see cref="SignalledCache{TKey,TValue}"/>).
    /// One node in process is always connected.
    /// </summary>
    DateTimeOffset? ConnectedSince => DateTimeOffset.MinValue;
}

/// <summary>One node: deliver to this process's subscribers.</summary>
public sealed class InProcessClusterSignals(ILogger<InProcessClusterSignals> logger) : IClusterSignals
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action<string>>> topics = new(StringComparer.Ordinal);

    public Task PublishAsync(string topic, string key, CancellationToken cancellationToken = default)
    {
        Deliver(topic, key);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string topic, Action<string> onSignal)
    {
        var id = Guid.NewGuid();
        var subscribers = topics.GetOrAdd(topic, _ => new());
        subscribers[id] = onSignal;
        return new Subscription(() => subscribers.TryRemove(id, out _));
    }

    /// <summary>Also used by a cross-node implementation for the signals it receives.</summary>
    public void Deliver(string topic, string key)
    {
        if (!topics.TryGetValue(topic, out var subscribers)) return;
        foreach (var onSignal in subscribers.Values)
        {
            try { onSignal(key); }
            catch (Exception e) { logger.LogError(e, "A subscriber of cluster signal {Topic} failed", topic); }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;
        public void Dispose() { if (Interlocked.Exchange(ref disposed, 1) == 0) dispose(); }
    }
}
