using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;

namespace MiniCode.Features.HealthCodes.Statistics;

/// <summary>
/// One daily statistic for the admin statistics page: codes issued / shown / scanned (and scans refused, by reason) per
/// UTC day, code type and region. Written only by <see cref="CodeStatisticsService.RollUpAsync"/>.
/// </summary>
public sealed class CodeStatisticsDaily
{
    public DateOnly Day { get; set; }
    /// <summary><see cref="CodeTypeNames.WireName"/>: "health_code", "offline_card", "poster" (or "unknown" for unreadable scans).</summary>
    public string CodeType { get; set; } = "";
    /// <summary>GB/T 2260 code of the holder's (or the venue's) region, or <see cref="CodeUsage.UnknownRegion"/>.</summary>
    public string RegionCode { get; set; } = "";
    /// <summary><see cref="CodeStatisticsService.Issued"/>, <see cref="CodeStatisticsService.Shown"/>, <see cref="CodeStatisticsService.Scanned"/>
    /// or <see cref="CodeStatisticsService.RejectedPrefix"/> + the verification failure ("rejected:expired").</summary>
    public string Metric { get; set; } = "";
    /// <summary>The registered application behind the figure (<c>app:&lt;id&gt;</c>), "" for the platform's own callers.</summary>
    public string Application { get; set; } = "";
    public long Count { get; set; }
}

internal sealed class CodeStatisticsDailyConfiguration : IEntityTypeConfiguration<CodeStatisticsDaily>
{
    public void Configure(EntityTypeBuilder<CodeStatisticsDaily> b)
    {
        b.ToTable("code_statistics_daily");
        b.HasKey(x => new { x.Day, x.CodeType, x.RegionCode, x.Metric, x.Application });
        b.Property(x => x.CodeType).HasMaxLength(30);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Metric).HasMaxLength(40);
        b.Property(x => x.Application).HasMaxLength(30).HasDefaultValue("");
    }
}

/// <summary>How many codes of one type a feature issued in a region over a time range (its durable records are the source).</summary>
public sealed record IssuedCount(string CodeType, string? RegionCode, long Count, string? Application = null);

/// <summary>
/// Each feature that issues codes reports them for the roll-up: health codes (a person's first colour), offline cards,
/// poster codes. Several are registered; the statistics know none of their tables.
/// </summary>
public interface ICodeIssueSource
{
    Task<IReadOnlyList<IssuedCount>> IssuedAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}

/// <summary>
/// Rolls up one UTC day into <see cref="CodeStatisticsDaily"/>, replacing that day's rows (a rerun gives the same result):
/// issued from the <see cref="ICodeIssueSource"/>s; shown, scanned and refused scans from the flushed
/// <see cref="CodeUsageDaily"/> counters, which carry code type and region. A scan is a successful verification or a
/// poster check-in.
/// </summary>
public sealed class CodeStatisticsService(MiniCodeDbContext db, IEnumerable<ICodeIssueSource> sources)
{
    public const string Issued = "issued", Shown = "shown", Scanned = "scanned", RejectedPrefix = "rejected:";
    /// <summary>Application calls: codes generated, and calls refused before a code was read ("refused:verify_off").</summary>
    public const string Generated = "generated", RefusedPrefix = "refused:";

    public async Task<int> RollUpAsync(DateOnly day, CancellationToken ct)
    {
        var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var counts = new Dictionary<(string Type, string Region, string Metric, string Application), long>();
        void Add(string type, string? region, string metric, string? application, long n)
        {
            var key = (type, CodeUsage.Region(region), metric, application ?? "");
            counts[key] = counts.GetValueOrDefault(key) + n;
        }

        foreach (var source in sources)
            foreach (var issued in await source.IssuedAsync(dayStart, dayStart.AddDays(1), ct))
                Add(issued.CodeType, issued.RegionCode, Issued, issued.Application, issued.Count);
        var usage = await db.Set<CodeUsageDaily>().AsNoTracking().Where(u => u.Day == day).ToListAsync(ct);
        foreach (var u in usage)
        {
            var metric = MetricOf(u.Metric);
            if (metric is not null) Add(u.CodeType, u.RegionCode, metric, u.Application, u.Count);
        }

        var rows = counts.Where(c => c.Value > 0).Select(c => new CodeStatisticsDaily
        {
            Day = day, CodeType = c.Key.Type, RegionCode = c.Key.Region, Metric = c.Key.Metric, Application = c.Key.Application, Count = c.Value,
        }).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<CodeStatisticsDaily>().Where(s => s.Day == day).ExecuteDeleteAsync(ct);
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return rows.Count;
    }

    /// <summary>The statistic a counter feeds, or null for counters the statistics do not use.</summary>
    public static string? MetricOf(string counter) => counter switch
    {
        CodeUsage.Shown => Shown,
        CodeUsage.CheckedIn => Scanned,
        CodeUsage.VerifiedPrefix + CodeUsage.Valid => Scanned,
        CodeUsage.Generated => Generated,
        _ when counter.StartsWith(CodeUsage.RefusedPrefix, StringComparison.Ordinal) => RefusedPrefix + counter[CodeUsage.RefusedPrefix.Length..],
        _ when counter.StartsWith(CodeUsage.VerifiedPrefix, StringComparison.Ordinal) => RejectedPrefix + counter[CodeUsage.VerifiedPrefix.Length..],
        _ => null,
    };

    /// <summary>
    /// The rolled-up rows of a day range (inclusive) within a region prefix ("" = every region, including unknown ones)
    /// and of one code type (null = all), for the statistics page.
    /// </summary>
    public Task<List<CodeStatisticsDaily>> RangeAsync(DateOnly first, DateOnly last, string regionPrefix, string? codeType, CancellationToken ct)
    {
        var rows = db.Set<CodeStatisticsDaily>().AsNoTracking().Where(s => s.Day >= first && s.Day <= last);
        if (regionPrefix.Length > 0) rows = rows.Where(s => s.RegionCode.StartsWith(regionPrefix));
        if (codeType is not null) rows = rows.Where(s => s.CodeType == codeType);
        return rows.OrderBy(s => s.Day).ThenBy(s => s.CodeType).ThenBy(s => s.Metric).ThenBy(s => s.RegionCode).ThenBy(s => s.Application).ToListAsync(ct);
    }
}

/// <summary>Health codes issued: a person's first colour (a history row without an old colour), by the holder's region.</summary>
internal sealed class HealthCodeIssues(MiniCodeDbContext db) : ICodeIssueSource
{
    private static readonly string Type = CodeType.HealthCode.WireName();

    public async Task<IReadOnlyList<IssuedCount>> IssuedAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct) =>
        await (from c in db.Set<Engine.ColorChange>().AsNoTracking()
               where c.OldColor == null && c.At >= start && c.At < end
               join p in db.Set<People.Person>() on c.PersonId equals p.Id
               group c by p.RegionCode into g
               select new IssuedCount(Type, g.Key, g.LongCount())).ToListAsync(ct);
}
