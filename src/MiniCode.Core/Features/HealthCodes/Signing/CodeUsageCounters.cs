using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Data;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes.Signing;

/// <summary>
/// Per-day usage totals for statistics, one row per day, code type, holder's (or venue's) region and metric.
/// Written only by <see cref="CodeUsageFlushService"/>; rolled up by the statistics job.
/// </summary>
public sealed class CodeUsageDaily
{
    public DateOnly Day { get; set; }
    /// <summary><see cref="CodeTypeNames.WireName"/>: "health_code", "offline_card", "poster" or "unknown" (unreadable payload).</summary>
    public string CodeType { get; set; } = "";
    /// <summary>GB/T 2260 code, or <see cref="CodeUsage.UnknownRegion"/>.</summary>
    public string RegionCode { get; set; } = "";
    /// <summary><see cref="CodeUsage.Shown"/>, <see cref="CodeUsage.CheckedIn"/> or "verified." + outcome.</summary>
    public string Metric { get; set; } = "";
    /// <summary>The registered application that verified or generated (<see cref="Applications.ApplicationGrant.StatisticsKey"/>),
    /// "" for the platform's own callers (citizens, scanner sessions, checkpoints).</summary>
    public string Application { get; set; } = "";
    public long Count { get; set; }
}

internal sealed class CodeUsageDailyConfiguration : IEntityTypeConfiguration<CodeUsageDaily>
{
    public void Configure(EntityTypeBuilder<CodeUsageDaily> b)
    {
        b.ToTable("code_usage_daily");
        b.HasKey(x => new { x.Day, x.CodeType, x.RegionCode, x.Metric, x.Application });
        b.Property(x => x.CodeType).HasMaxLength(30);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Metric).HasMaxLength(50);
        b.Property(x => x.Application).HasMaxLength(30).HasDefaultValue("");
    }
}

/// <summary>The names the counters and the statistics share.</summary>
public static class CodeUsage
{
    public const string Shown = "shown", CheckedIn = "checked_in", VerifiedPrefix = "verified.", Valid = "valid";
    /// <summary>An application's call refused before any code was read ("refused.verify_off", "refused.rate_limited" …),
    /// and a code an application generated.</summary>
    public const string RefusedPrefix = "refused.", Generated = "generated";
    public const string UnknownRegion = "unknown", UnknownType = "unknown";

    /// <summary>A stored region, or <see cref="UnknownRegion"/> when the holder gave none.</summary>
    public static string Region(string? regionCode) => string.IsNullOrWhiteSpace(regionCode) ? UnknownRegion : regionCode;
}

/// <summary>One counter: a UTC day, code type, region and metric.</summary>
public readonly record struct CodeUsageKey(DateOnly Day, string CodeType, string RegionCode, string Metric, string Application = "");

/// <summary>
/// In-memory counters so that showing and verifying codes never write to the database on their hot path; the
/// <see cref="CodeUsageFlushService"/> adds them to <see cref="CodeUsageDaily"/> in batches.
/// </summary>
public sealed class CodeUsageCounters(TimeProvider time)
{
    // A lock, not a lock-free swap: a count added while the batch is being taken must land in one batch or the other.
    private readonly Lock _gate = new();
    private Dictionary<CodeUsageKey, long> _counts = [];

    public void Increment(CodeType type, string? regionCode, string metric, string? application = null) => Increment(type.WireName(), regionCode, metric, application);

    public void Increment(string codeType, string? regionCode, string metric, string? application = null)
    {
        var key = new CodeUsageKey(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), codeType, CodeUsage.Region(regionCode), metric, application ?? "");
        lock (_gate) Add(key, 1);
    }

    /// <summary>Takes everything counted so far and starts afresh.</summary>
    public IReadOnlyDictionary<CodeUsageKey, long> Drain()
    {
        lock (_gate)
        {
            var batch = _counts;
            _counts = [];
            return batch;
        }
    }

    /// <summary>Puts drained counts back when a flush failed, so nothing is lost.</summary>
    public void Restore(IReadOnlyDictionary<CodeUsageKey, long> counts)
    {
        lock (_gate)
            foreach (var (key, n) in counts) Add(key, n);
    }

    private void Add(CodeUsageKey key, long n) => _counts[key] = _counts.GetValueOrDefault(key) + n;
}

/// <summary>Writes the counters every <see cref="HealthCodeOptions.CounterFlushSeconds"/> and once more on shutdown.</summary>
public sealed class CodeUsageFlushService(CodeUsageCounters counters, IServiceScopeFactory scopes, IOptions<HealthCodeOptions> options,
    ILogger<CodeUsageFlushService> logger) : PeriodicFlushService
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.CounterFlushSeconds);

    public override async Task FlushAsync(CancellationToken ct)
    {
        var batch = counters.Drain();
        if (batch.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            // All or nothing: a failed batch is restored whole, so a retry cannot count a row twice.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var (k, n) in batch)
                // Same upsert syntax on SQLite and PostgreSQL; adding (not setting) keeps several nodes' counts.
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    INSERT INTO code_usage_daily (day, code_type, region_code, metric, application, count) VALUES ({k.Day}, {k.CodeType}, {k.RegionCode}, {k.Metric}, {k.Application}, {n})
                    ON CONFLICT (day, code_type, region_code, metric, application) DO UPDATE SET count = code_usage_daily.count + excluded.count
                    """, ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            counters.Restore(batch);
            logger.LogWarning(ex, "Flushing code usage counters failed; will retry");
        }
    }
}
