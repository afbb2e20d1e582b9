using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;

namespace MiniCode.Features.HealthCodes.Statistics;

/// <summary>
/// One daily statistic for the admin statistics page: codes issued / shown / scanned per UTC day, code type and region.
/// Written only by <see cref="CodeStatisticsService.RollUpAsync"/>.
/// </summary>
public sealed class CodeStatisticsDaily
{
    public DateOnly Day { get; set; }
    /// <summary>"health_code" (other code types add their own).</summary>
    public string CodeType { get; set; } = "";
    /// <summary>GB/T 2260 code of the holder's region, or <see cref="CodeStatisticsService.AllRegions"/> where the source has none.</summary>
    public string RegionCode { get; set; } = "";
    /// <summary><see cref="CodeStatisticsService.Issued"/>, <see cref="CodeStatisticsService.Shown"/> or <see cref="CodeStatisticsService.Scanned"/>.</summary>
    public string Metric { get; set; } = "";
    public long Count { get; set; }
}

internal sealed class CodeStatisticsDailyConfiguration : IEntityTypeConfiguration<CodeStatisticsDaily>
{
    public void Configure(EntityTypeBuilder<CodeStatisticsDaily> b)
    {
        b.ToTable("code_statistics_daily");
        b.HasKey(x => new { x.Day, x.CodeType, x.RegionCode, x.Metric });
        b.Property(x => x.CodeType).HasMaxLength(30);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Metric).HasMaxLength(20);
    }
}

/// <summary>
/// Rolls up the durable sources of one day into <see cref="CodeStatisticsDaily"/>, replacing that day's rows (so a rerun
/// gives the same result): issued = first colour of a person (history rows without an old colour) by the holder's region;
/// shown and scanned = the <see cref="CodeUsageDaily"/> counters, which carry no region (<see cref="AllRegions"/>).
/// </summary>
public sealed class CodeStatisticsService(MiniCodeDbContext db)
{
    public const string HealthCode = "health_code", AllRegions = "all";
    public const string Issued = "issued", Shown = "shown", Scanned = "scanned";

    public async Task<int> RollUpAsync(DateOnly day, CancellationToken ct)
    {
        var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var dayEnd = dayStart.AddDays(1);
        var issued = await (from c in db.Set<ColorChange>().AsNoTracking()
                            where c.OldColor == null && c.At >= dayStart && c.At < dayEnd
                            join p in db.Set<Person>() on c.PersonId equals p.Id
                            group c by p.RegionCode into g
                            select new { Region = g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var usage = await db.Set<CodeUsageDaily>().AsNoTracking().Where(u => u.Day == day).ToListAsync(ct);
        var shown = usage.Where(u => u.Metric == "code.shown").Sum(u => u.Count);
        var scanned = usage.Where(u => u.Metric.StartsWith("code.verified.")).Sum(u => u.Count);

        var rows = issued.Select(i => Row(day, i.Region ?? AllRegions, Issued, i.Count)).ToList();
        if (shown > 0) rows.Add(Row(day, AllRegions, Shown, shown));
        if (scanned > 0) rows.Add(Row(day, AllRegions, Scanned, scanned));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<CodeStatisticsDaily>().Where(s => s.Day == day).ExecuteDeleteAsync(ct);
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return rows.Count;
    }

    /// <summary>The rolled-up rows of a day range (inclusive), for the statistics page.</summary>
    public Task<List<CodeStatisticsDaily>> RangeAsync(DateOnly first, DateOnly last, CancellationToken ct) =>
        db.Set<CodeStatisticsDaily>().AsNoTracking().Where(s => s.Day >= first && s.Day <= last)
            .OrderBy(s => s.Day).ThenBy(s => s.Metric).ThenBy(s => s.RegionCode).ToListAsync(ct);

    private static CodeStatisticsDaily Row(DateOnly day, string region, string metric, long count) =>
        new() { Day = day, CodeType = HealthCode, RegionCode = region, Metric = metric, Count = count };
}
