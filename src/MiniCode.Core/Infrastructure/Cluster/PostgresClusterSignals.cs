using MiniCode.Data;
using Npgsql;

namespace MiniCode.Infrastructure.Cluster;

/// <summary>
/// Cross-node signals over PostgreSQL <c>LISTEN/NOTIFY</c> (channel <see cref="Channel"/>, payload
/// <c>node id, topic, keys…</c> separated by line feeds). One dedicated connection listens and reconnects with a
/// growing back-off; while it is down <see cref="ConnectedSince"/> is null, so caches read the database instead of
/// serving what they may have missed. A publication is delivered to this node's subscribers at once (not waiting for
/// the round trip) and its echo from the server is ignored.
/// </summary>
public sealed class PostgresClusterSignals(InProcessClusterSignals local, IOptions<DatabaseOptions> database, IConfiguration configuration,
    ILogger<PostgresClusterSignals> logger) : BackgroundService, IClusterSignals
{
    public const string Channel = "minicode_signals";
    public const string ListenerApplicationName = "minicode-signals";
    private const int MaxPayloadChars = 7000;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    // Without traffic the connection is checked this often, so a silently dropped one is noticed and reopened.
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(15);

    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly Lazy<NpgsqlDataSource> _publisher = new(() => NpgsqlDataSource.Create(ConnectionString(configuration)));
    // UTC ticks of the current connection's LISTEN, 0 while there is none.
    private long _connectedSinceTicks;

    public bool Enabled => database.Value.Provider == DatabaseProvider.Postgres;

    public DateTimeOffset? ConnectedSince => Interlocked.Read(ref _connectedSinceTicks) is var ticks and > 0
        ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public IDisposable Subscribe(string topic, Action<string> onSignal) => local.Subscribe(topic, onSignal);

    public Task PublishAsync(string topic, string key, CancellationToken cancellationToken = default) =>
        PublishManyAsync(topic, [key], cancellationToken);

    public async Task PublishManyAsync(string topic, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys) local.Deliver(topic, key);
        try
        {
            foreach (var payload in Payloads(topic, keys))
            {
                await using var command = _publisher.Value.CreateCommand("SELECT pg_notify(@channel, @payload)");
                command.Parameters.AddWithValue("channel", Channel);
                command.Parameters.AddWithValue("payload", payload);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The write is committed; other nodes fall back on their caches' short lifetimes.
            logger.LogError(e, "Publishing cluster signal {Topic} failed; other nodes see the change when their cache entry expires", topic);
        }
    }

    // "node\ntopic\nkey\nkey…", each under PostgreSQL's 8000-byte payload limit.
    private IEnumerable<string> Payloads(string topic, IEnumerable<string> keys)
    {
        var header = $"{_node}\n{topic}";
        var payload = new System.Text.StringBuilder(header);
        foreach (var key in keys)
        {
            if (payload.Length + key.Length + 1 > MaxPayloadChars && payload.Length > header.Length)
            {
                yield return payload.ToString();
                payload.Clear().Append(header);
            }
            payload.Append('\n').Append(key);
        }
        if (payload.Length > header.Length) yield return payload.ToString();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken, () => backoff = TimeSpan.FromMilliseconds(250));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                logger.LogWarning(e, "The cluster signal listener lost its connection; caches read the database until it is back (retry in {Delay})", backoff);
            }
            Interlocked.Exchange(ref _connectedSinceTicks, 0);
            try { await Task.Delay(backoff, stoppingToken); }
            catch (OperationCanceledException) { break; }
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
        Interlocked.Exchange(ref _connectedSinceTicks, 0);
    }

    private async Task ListenAsync(CancellationToken ct, Action connected)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(configuration)) { Pooling = false, KeepAlive = 10, ApplicationName = ListenerApplicationName };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Notification += (_, e) => OnNotification(e.Payload);
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
        Interlocked.Exchange(ref _connectedSinceTicks, DateTimeOffset.UtcNow.UtcTicks);
        connected();
        logger.LogInformation("Listening for cluster signals on {Channel}", Channel);
        while (true)
        {
            if (await connection.WaitAsync(IdleCheck, ct)) continue;
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteNonQueryAsync(ct);
        }
    }

    private void OnNotification(string payload)
    {
        var parts = payload.Split('\n');
        if (parts.Length < 3 || parts[0] == _node) return;
        foreach (var key in parts.AsSpan(2)) local.Deliver(parts[1], key);
    }

    private static string ConnectionString(IConfiguration configuration) => DataServiceCollectionExtensions.ConnectionString(configuration);

    public override void Dispose()
    {
        base.Dispose();
        if (_publisher.IsValueCreated) _publisher.Value.Dispose();
    }
}
