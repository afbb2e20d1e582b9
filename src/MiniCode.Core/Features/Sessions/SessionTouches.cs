using System.Text.Json;
using Microsoft.Data.Sqlite;
using MiniCode.Data;
using Npgsql;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Sessions;

/// <summary>
/// Last-seen times noted by requests, written to the database in batches by <see cref="SessionTouchFlushService"/>.
/// Without it, the first request of every session after <see cref="SessionOptions.TouchInterval"/> wrote (and
/// committed) a row on the hot path; at a morning rush that is one write per citizen. A touch that is noted but not
/// yet written still counts for this node's idle check.
/// </summary>
/// <remarks>
/// Written touches are remembered for at least a touch interval: a cached session (<see cref="SessionCache"/>, which
/// lives longer than the interval) keeps the last-seen it was loaded with, so forgetting the touch at the next batch
/// noted the session again at its next request and wrote its row every flush or two, for as long as it stayed cached.
/// </remarks>
public sealed class SessionTouches(TimeProvider time, IOptions<SessionOptions> options)
{
    // A lock, not a lock-free swap: a touch noted while a batch is being taken must land in one batch or the other.
    private readonly Lock _gate = new();
    private Dictionary<long, DateTimeOffset> _pending = [];
    // Touches taken for writing, in two generations swapped once per touch interval, so each stays visible for at
    // least one interval after it was taken (also while its batch is being committed).
    private Dictionary<long, DateTimeOffset> _taken = [];
    private Dictionary<long, DateTimeOffset> _takenBefore = [];
    private DateTimeOffset _takenSince = DateTimeOffset.MinValue;

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
            if (_takenBefore.TryGetValue(sessionId, out var before) && before > latest) latest = before;
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
            batch = _pending;
            _pending = [];
            var now = time.GetUtcNow();
            // Copied, not shared: the batch is being written outside the lock. A few milliseconds for 100,000 sessions.
            if (now - _takenSince >= options.Value.TouchInterval) (_takenBefore, _taken, _takenSince) = (_taken, new(batch), now);
            else
                foreach (var (id, at) in batch)
                    if (!_taken.TryGetValue(id, out var kept) || at > kept) _taken[id] = at;
        }
        try
        {
            // One statement for the whole batch: one UPDATE per session was a million commands per interval at a
            // million active sessions. A row already seen later (another node) keeps its time.
            await WriteBatchAsync(db, batch, ct);
            return batch.Count;
        }
        catch
        {
            foreach (var (id, at) in batch) Note(id, at);
            throw;
        }
    }

    private static Task<int> WriteBatchAsync(MiniCodeDbContext db, Dictionary<long, DateTimeOffset> batch, CancellationToken ct)
    {
        var names = StoreNames.Of<Session>(db);
        var (t, i, l) = (names.Table, names.Column(nameof(Session.Id)), names.Column(nameof(Session.LastSeenAt)));
        // Names from the EF model, values as parameters.
        if (db.Database.IsNpgsql())
        {
            var update = $"UPDATE {t} AS s SET {l} = v.at FROM unnest(@ids, @ats) AS v(id, at) WHERE s.{i} = v.id AND s.{l} < v.at";
            return db.Database.ExecuteSqlRawAsync(update,
                [new NpgsqlParameter<long[]>("ids", [.. batch.Keys]),
                 new NpgsqlParameter<DateTimeOffset[]>("ats", [.. batch.Values.Select(at => at.ToUniversalTime())])], ct);
        }
        // SQLite: the pairs as one JSON parameter, the time in the model's stored form (a sortable number).
        var converter = names.Property(nameof(Session.LastSeenAt)).GetTypeMapping().Converter!;
        var pairs = JsonSerializer.Serialize(batch.Select(p => new object[] { p.Key, converter.ConvertToProvider(p.Value)! }));
        var sqlite = $"UPDATE {t} SET {l} = v.at FROM (SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS at FROM json_each(@pairs)) AS v "
            + $"WHERE {t}.{i} = v.id AND {t}.{l} < v.at";
        return db.Database.ExecuteSqlRawAsync(sqlite,
            [new SqliteParameter("@pairs", pairs)], ct);
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
