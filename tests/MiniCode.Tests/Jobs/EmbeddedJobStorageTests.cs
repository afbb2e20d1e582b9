using System.Diagnostics;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using MiniCode.Features.Jobs;

namespace MiniCode.Tests.Jobs;

public sealed class EmbeddedJobStorageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minicode-jobs-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static SQLiteStorageOptions Options => new() { QueuePollInterval = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task A_released_lock_is_taken_by_its_waiter_in_seconds_even_when_the_release_signal_wakes_a_waiter_elsewhere()
    {
        // Another storage in the process, plain Hangfire.Storage.SQLite, whose waiter on a lock of the same name is
        // first in line for the one release signal. The name is the test's own, so no other test's lock shares the signal.
        var resource = "test-lock:" + Guid.NewGuid().ToString("N");
        using var elsewhere = new SQLiteStorage(Path.Combine(_folder, "elsewhere.db"), Options);
        using var elsewhereHolder = elsewhere.GetConnection();
        var elsewhereHeld = elsewhereHolder.AcquireDistributedLock(resource, TimeSpan.FromSeconds(5));
        var elsewhereWaiter = Task.Factory.StartNew(() =>
        {
            using var connection = elsewhere.GetConnection();
            using var _ = connection.AcquireDistributedLock(resource, TimeSpan.FromMinutes(15));
        }, TaskCreationOptions.LongRunning);
        await Task.Delay(500);

        using var storage = new EmbeddedJobStorage(Path.Combine(_folder, "jobs.db"), Options);
        using var holder = storage.GetConnection();
        var held = holder.AcquireDistributedLock(resource, TimeSpan.FromSeconds(5));
        var waited = Stopwatch.StartNew();
        var waiter = Task.Factory.StartNew(() =>
        {
            var connection = storage.GetConnection();
            var taken = connection.AcquireDistributedLock(resource, TimeSpan.FromMinutes(15)); // Hangfire's job lock timeout
            waited.Stop();
            return (connection, taken);
        }, TaskCreationOptions.LongRunning);
        await Task.Delay(500);
        held.Dispose();

        // Plain Hangfire.Storage.SQLite would sleep a tenth of 15 minutes here.
        var (waiterConnection, taken) = await waiter.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.InRange(waited.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(20));

        // Still a lock: a third connection cannot take it while the waiter holds it, and gives up at its own timeout.
        using (var third = storage.GetConnection())
        {
            var refused = Stopwatch.StartNew();
            Assert.Throws<DistributedLockTimeoutException>(() => third.AcquireDistributedLock(resource, TimeSpan.FromSeconds(2)));
            Assert.InRange(refused.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
        }
        taken.Dispose();
        waiterConnection.Dispose();

        elsewhereHeld.Dispose();
        await elsewhereWaiter.WaitAsync(TimeSpan.FromSeconds(120));
    }
}
