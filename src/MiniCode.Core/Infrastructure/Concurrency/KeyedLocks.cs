using MiniCode.Data;

namespace MiniCode.Infrastructure.Concurrency;

/// <summary>
/// Serialises read-check-write work on one key (an SMS phone or client address, a person at a venue) so two
/// simultaneous requests cannot both pass a check that only one may pass: within this process by a per-key gate (enough
/// for the single-node SQLite default) and, on PostgreSQL, across nodes by a transaction-scoped advisory lock, so the
/// caller must have a transaction open and keep the handle until it has committed.
/// </summary>
public sealed class KeyedLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Users;
    }

    public async Task<IAsyncDisposable> AcquireAsync(MiniCodeDbContext db, string key, CancellationToken ct)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!)) _entries[key] = entry = new Entry();
            entry.Users++;
        }
        try
        {
            await entry.Gate.WaitAsync(ct);
        }
        catch
        {
            Leave(key, entry);
            throw;
        }
        var handle = new Handle(this, key, entry);
        if (db.Database.IsNpgsql())
        {
            try
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", ct);
            }
            catch
            {
                await handle.DisposeAsync();
                throw;
            }
        }
        return handle;
    }

    /// <summary>How many keys have a gate right now (entries are removed when their last user leaves).</summary>
    public int ActiveKeys
    {
        get { lock (_entries) return _entries.Count; }
    }

    private void Leave(string key, Entry entry)
    {
        lock (_entries)
            if (--entry.Users == 0) _entries.Remove(key);
    }

    private sealed class Handle(KeyedLocks owner, string key, Entry entry) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                entry.Gate.Release();
                owner.Leave(key, entry);
            }
            return ValueTask.CompletedTask;
        }
    }
}
