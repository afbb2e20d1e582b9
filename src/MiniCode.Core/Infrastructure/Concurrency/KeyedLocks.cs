using MiniCode.Data;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Infrastructure.Concurrency;

/// <summary>
/// Serialises read-check-write work on one key (an SMS phone or client address, a person at a venue) so two
/// simultaneous requests cannot both pass a check that only one may pass: within this process by a per-key gate (enough
/// for the single-node SQLite default) and, on PostgreSQL, across nodes by a transaction-scoped advisory lock, so the
/// caller must have a transaction open and keep the handle until it has committed. A request waits for the lock (up to
/// <c>MiniCode:Limits:LockWaitSeconds</c>, in process and in PostgreSQL's <c>lock_timeout</c>), so parallel requests
/// end as sequential ones would; past the wait it fails with a <see cref="TimeoutException"/> (a 503 with Retry-After).
/// </summary>
public sealed class KeyedLocks(IOptions<RequestLimitsOptions> limits)
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
        var wait = TimeSpan.FromSeconds(limits.Value.LockWaitSeconds);
        try
        {
            if (!await entry.Gate.WaitAsync(wait, ct)) throw new TimeoutException($"lock {key} not obtained within {wait}");
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
                // lock_timeout bounds the wait for another node's holder (SQLSTATE 55P03); it is set back to the
                // server's default at once, so the rest of the transaction is not affected.
                var milliseconds = (int)wait.TotalMilliseconds;
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"SELECT set_config('lock_timeout', {milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}, true), pg_advisory_xact_lock(hashtext({key})), set_config('lock_timeout', NULL, true)", ct);
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
