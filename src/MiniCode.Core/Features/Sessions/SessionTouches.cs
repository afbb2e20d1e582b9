using MiniCode.Data;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Sessions;

/// <summary>
/// Last-seen times noted by requests, written to the database in batches by <see cref="SessionTouchFlushService"/>.
/// Without it, the first request of every session after <see cref="SessionOptions.TouchInterval"/> wrote (and
/// committed) a row on the hot path; at a morning rush that is one write per citizen. A touch that is noted but not
/// yet written still counts for this node's idle check.
/// </summary>
public sealed class SessionTouches
{
    // A lock, not a lock-free swap: a touch noted while a batch is being taken must land in one batch or the other.
    private readonly Lock _gate = new();
    private Dictionary<long, DateTimeOffset> _pending = [];
    // The batch last taken for writing stays visible until the next one is taken, so a request that read the stored
    // row just before that batch was committed still sees the newer time.
    private Dictionary<long, DateTimeOffset> _taken = [];

    public void Note(long sessionId, DateTimeOffset at)
    {
        lock (_gate)
            if (!_pending.TryGetValue(sessionId, out var noted) || at > noted) _pending[sessionId] = at;
    }

    /// <summary>The latest last-seen of a session: the stored one or a newer one noted here.</summary>
    public DateTimeOffset LastSeen(long sessionId, DateTimeOffset stored)
    {
        lock (_gate)
        {
            var latest = stored;
            if (_pending.TryGetValue(sessionId, out var pending) && pending > latest) latest = pending;
            if (_taken.TryGetValue(sessionId, out var taken) && taken > latest) latest = taken;
            return latest;
        }
    }

    public int PendingCount { get { lock (_gate) return _pending.Count; } }

    /// <summary>Writes every noted touch (keeping the later time when another node wrote one), all or nothing.</summary>
    public async Task<int> WriteAsync(MiniCodeDbContext db, CancellationToken ct)
    {
        Dictionary<long, DateTimeOffset> batch;
        lock (_gate)
        {
            if (_pending.Count == 0) return 0;
            batch = _taken = _pending;
            _pending = [];
        }
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
    }
}

/// <summary>Writes noted session touches every <see cref="SessionOptions.TouchFlushSeconds"/> and once more on shutdown.</summary>
public sealed class SessionTouchFlushService(SessionTouches touches, IServiceScopeFactory scopes, IOptions<SessionOptions> options,
    ILogger<SessionTouchFlushService> logger) : PeriodicFlushService
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.TouchFlushSeconds);

    public override async Task FlushAsync(CancellationToken ct)
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
