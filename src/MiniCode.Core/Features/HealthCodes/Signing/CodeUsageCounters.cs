using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Data;

namespace MiniCode.Features.HealthCodes.Signing;

/// <summary>Per-day totals for statistics (codes shown, verifications by outcome); one row per day and metric.</summary>
public sealed class CodeUsageDaily
{
    public DateOnly Day { get; set; }
    /// <summary>"code.shown", "code.verified.valid", "code.verified.expired", ...</summary>
    public string Metric { get; set; } = "";
    public long Count { get; set; }
}

internal sealed class CodeUsageDailyConfiguration : IEntityTypeConfiguration<CodeUsageDaily>
{
    public void Configure(EntityTypeBuilder<CodeUsageDaily> b)
    {
        b.ToTable("code_usage_daily");
        b.HasKey(x => new { x.Day, x.Metric });
        b.Property(x => x.Metric).HasMaxLength(50);
    }
}

/// <summary>
/// In-memory counters so that showing and verifying codes never write to the database on their hot path; the
/// <see cref="CodeUsageFlushService"/> adds them to <see cref="CodeUsageDaily"/> in batches.
/// </summary>
public sealed class CodeUsageCounters(TimeProvider time)
{
    private ConcurrentDictionary<(DateOnly Day, string Metric), long> _counts = new();

    public void Increment(string metric)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        _counts.AddOrUpdate((day, metric), 1, (_, n) => n + 1);
    }

    /// <summary>Takes everything counted so far and starts afresh.</summary>
    public IReadOnlyDictionary<(DateOnly Day, string Metric), long> Drain() => Interlocked.Exchange(ref _counts, new());

    /// <summary>Puts drained counts back when a flush failed, so nothing is lost.</summary>
    public void Restore(IReadOnlyDictionary<(DateOnly Day, string Metric), long> counts)
    {
        foreach (var (key, n) in counts) _counts.AddOrUpdate(key, n, (_, m) => m + n);
    }
}

/// <summary>Writes the counters every <see cref="HealthCodeOptions.CounterFlushSeconds"/> and once more on shutdown.</summary>
public sealed class CodeUsageFlushService(CodeUsageCounters counters, IServiceScopeFactory scopes, IOptions<HealthCodeOptions> options,
    ILogger<CodeUsageFlushService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CounterFlushSeconds));
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
        var batch = counters.Drain();
        if (batch.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            foreach (var ((day, metric), n) in batch)
                // Same upsert syntax on SQLite and PostgreSQL; adding (not setting) keeps several nodes' counts.
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO code_usage_daily (day, metric, count) VALUES ({day}, {metric}, {n}) ON CONFLICT (day, metric) DO UPDATE SET count = code_usage_daily.count + excluded.count", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            counters.Restore(batch);
            logger.LogWarning(ex, "Flushing code usage counters failed; will retry");
        }
    }
}
