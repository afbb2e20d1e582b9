using System.Diagnostics;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;

namespace MiniCode.Features.Jobs;

/// <summary>
/// Hangfire.Storage.SQLite with its distributed locks waited for in short slices. Its lock waits for a release signal
/// for a tenth of the caller's timeout at a time, and that signal is one <c>Monitor.Pulse</c> per process and lock
/// name: it is lost when the release comes just before the wait starts, or wakes a waiter on another storage's lock of
/// the same name. Hangfire asks for job state locks with 15 minutes, so a worker picking up a retry the instant the
/// scheduler enqueued it could sleep 90 s before it even starts. Slices of <see cref="Slice"/> bound that sleep to a
/// tenth of a slice while keeping the caller's whole timeout.
/// </summary>
public sealed class EmbeddedJobStorage : SQLiteStorage
{
    public static readonly TimeSpan Slice = TimeSpan.FromSeconds(1);
    private readonly SQLiteStorageOptions _options;

    public EmbeddedJobStorage(string file, SQLiteStorageOptions options) : base(file, options) => _options = options;

    public override IStorageConnection GetConnection() =>
        new SlicedLockConnection(CreateAndOpenConnection(), _options, QueueProviders);

    private sealed class SlicedLockConnection(HangfireDbContext database, SQLiteStorageOptions options,
        PersistentJobQueueProviderCollection queues) : HangfireSQLiteConnection(database, options, queues)
    {
        public override IDisposable AcquireDistributedLock(string resource, TimeSpan timeout)
        {
            var started = Stopwatch.GetTimestamp();
            while (true)
            {
                var left = timeout - Stopwatch.GetElapsedTime(started);
                var slice = left < TimeSpan.Zero ? TimeSpan.Zero : left < Slice ? left : Slice;
                try
                {
                    return base.AcquireDistributedLock(resource, slice);
                }
                catch (DistributedLockTimeoutException) when (Stopwatch.GetElapsedTime(started) < timeout)
                {
                    // Not free within this slice: look again rather than wait for a signal that may never come.
                }
            }
        }
    }
}
