using System.Collections.Concurrent;
using MiniCode.Data;

namespace MiniCode.Features.Sessions;

/// <summary>
/// Last-seen times noted by requests, written to the database in batches by <see cref="SessionTouchFlushService"/>.
/// Without it, the first request of every session after <see cref="SessionOptions.TouchInterval"/> wrote (and
/// committed) a row on the hot path; at a morning rush that is one write per citizen. A touch that is noted but not
/// yet written still counts for this node's idle check.
/// </summary>
public sealed class SessionTouches
{
    private static readonly IReadOnlyDictionary<long, DateTimeOffset> None = new Dictionary<long, DateTimeOffset>();
    private ConcurrentDictionary<long, DateTimeOffset> _pending = new();
    // A drained batch stays visible until it is written, so a request in between never sees an older last-seen.
    private volatile IReadOnlyDictionary<long, DateTimeOffset> _writing = None;

    public void Note(long sessionId, DateTimeOffset at) => _pending.AddOrUpdate(sessionId, at, (_, old) => at > old ? at : old);

    /// <summary>The latest last-seen of a session: the stored one or a newer one noted here.</summary>
    public DateTimeOffset LastSeen(long sessionId, DateTimeOffset stored)
    {
        var latest = stored;
        if (_pending.TryGetValue(sessionId, out var pending) && pending > latest) latest = pending;
        if (_writing.TryGetValue(sessionId, out var writing) && writing > latest) latest = writing;
        return latest;
    }

    public int PendingCount => _pending.Count;

    /// <summary>Writes every noted touch (keeping the later time when another node wrote one), all or nothing.</summary>
    public async Task<int> WriteAsync(MiniCodeDbContext db, CancellationToken ct)
    {
        var batch = Interlocked.Exchange(ref _pending, new());
        if (batch.IsEmpty) return 0;
        _writing = batch;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var (id, at) in batch)
                await db.Set<Session>().Where(s => s.Id == id && s.LastSeenAt < at)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, at), ct);
            await tx.CommitAsync(ct);
            return batch.Count;
        }
        catch
        {
            foreach (var (id, at) in batch) Note(id, at);
            throw;
        }
        finally
        {
            _writing = None;
        }
    }
}

/// <summary>Writes noted session touches every <see cref="SessionOptions.TouchFlushSeconds"/> and once more on shutdown.</summary>
public sealed class SessionTouchFlushService(SessionTouches touches, IServiceScopeFactory scopes, IOptions<SessionOptions> options,
    ILogger<SessionTouchFlushService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TouchFlushSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(CancellationToken.None);
        }
        catch (OperationCanceledException) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (touches.PendingCount == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await touches.WriteAsync(scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>(), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Writing session last-seen times failed; will retry");
        }
    }
}
