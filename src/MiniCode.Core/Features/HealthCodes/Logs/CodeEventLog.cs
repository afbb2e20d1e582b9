using System.Threading.Channels;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes.Logs;

/// <summary>
/// The queue of 亮码/扫码 events: a request only writes to memory (never waits, never touches the database); the
/// <see cref="CodeEventFlushService"/> writes the events in batches. A full queue drops new events and says so in the log.
/// </summary>
public sealed class CodeEventLog(TimeProvider time, IOptions<CodeLogOptions> options, ILogger<CodeEventLog> logger)
{
    private readonly Channel<CodeEventRecord> queue = Channel.CreateBounded<CodeEventRecord>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private long dropped;

    public ChannelReader<CodeEventRecord> Reader => queue.Reader;

    public void Shown(CodeType type, long personId, string? region) => Add(CodeEventRecord.Show, type, personId, region, "", "");

    public void Scanned(CodeClaims? claims, string? region, string outcome, string? application)
    {
        long? person = claims is { } c && c.Type.IsPersonHealthCode() ? checked((long)c.SubjectId) : null;
        if (claims is null) Add(CodeEventRecord.Scan, null, null, region, outcome, application);
        else Add(CodeEventRecord.Scan, claims.Type, person, region, outcome, application);
    }

    private void Add(string kind, CodeType? type, long? personId, string? region, string outcome, string? application)
    {
        var record = new CodeEventRecord
        {
            Kind = kind, At = time.GetUtcNow(), PersonId = personId, CodeType = type?.WireName() ?? CodeUsage.UnknownType,
            Category = type is { } t ? CodeCategories.Of(t) : "", RegionCode = region ?? "", Application = application ?? "", Outcome = outcome,
        };
        if (!queue.Writer.TryWrite(record) && Interlocked.Increment(ref dropped) % 1000 == 1)
            logger.LogWarning("The show/scan log queue is full; {Dropped} events dropped so far", Interlocked.Read(ref dropped));
    }
}

/// <summary>Writes the queued events every <see cref="CodeLogOptions.FlushSeconds"/> and on shutdown; a failed batch is retried next time.</summary>
public sealed class CodeEventFlushService(CodeEventLog log, IServiceScopeFactory scopes, IOptions<CodeLogOptions> options,
    ILogger<CodeEventFlushService> logger) : PeriodicFlushService
{
    private List<CodeEventRecord> pending = [];

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.FlushSeconds);

    public override async Task FlushAsync(CancellationToken ct)
    {
        var size = options.Value.BatchSize;
        while (true)
        {
            while (pending.Count < size && log.Reader.TryRead(out var e)) pending.Add(e);
            if (pending.Count == 0) return;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var commands = await CodeEventWriter.WriteAsync(scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>(), pending, ct);
                scope.ServiceProvider.GetService<DatabaseCommandCounter>()?.Add(commands);
                pending = [];
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The batch wrote nothing (one COPY or one transaction): the same records are tried again next time.
                logger.LogWarning(ex, "Writing {Count} show/scan log records failed; will retry", pending.Count);
                return;
            }
        }
    }
}

/// <summary>Retention of the three logs: 亮码记录, 扫码记录 and 操作记录 (audit entries), each by its own number of days.</summary>
public sealed class CodeLogRetention(MiniCodeDbContext db, IOptions<CodeLogOptions> options, TimeProvider time)
{
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var shows = now.AddDays(-o.ShowRetentionDays);
        var scans = now.AddDays(-o.ScanRetentionDays);
        var operations = now.AddDays(-o.OperationRetentionDays);
        var n = await db.Set<CodeEventRecord>().Where(r => r.Kind == CodeEventRecord.Show && r.At < shows).ExecuteDeleteAsync(ct);
        n += await db.Set<CodeEventRecord>().Where(r => r.Kind == CodeEventRecord.Scan && r.At < scans).ExecuteDeleteAsync(ct);
        n += await db.Set<AuditEntry>().Where(a => a.At < operations).ExecuteDeleteAsync(ct);
        return n;
    }
}

/// <summary>Scheduled as <c>purge-code-logs</c>.</summary>
public sealed class PurgeCodeLogsJob(CodeLogRetention retention) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => new(await retention.PurgeAsync(cancellationToken));
}
