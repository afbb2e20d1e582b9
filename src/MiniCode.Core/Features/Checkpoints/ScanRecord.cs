using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.HealthCodes.Engine;

namespace MiniCode.Features.Checkpoints;

public enum ScanKind
{
    /// <summary>扫码核验：扫描本人的健康码</summary>
    Scan,
    /// <summary>辅助登记：为没有小程序的人员代为登记</summary>
    Assisted,
}

/// <summary>
/// One inspection (排查记录): who was checked, by which scanner, the temperature, the colour after it was applied and the
/// 劝返 flag. <see cref="PersonId"/> is the future sharding key. (ScannerAccountId, IdempotencyKey) is unique, so a
/// retried submission finds the first one instead of recording twice. Purged after the retention period.
/// </summary>
public sealed class ScanRecord
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public long ScannerAccountId { get; set; }
    /// <summary>The scanner's own site at the time of the scan.</summary>
    public long SiteId { get; set; }
    public ScanKind Kind { get; set; }
    public decimal Temperature { get; set; }
    public string? Remarks { get; set; }
    public HealthColor Color { get; set; }
    /// <summary>Reason codes of the colour after the temperature was applied, comma separated.</summary>
    public string ReasonCodes { get; set; } = "";
    /// <summary>The matching reason texts, joined with "；" as the colour engine wrote them.</summary>
    public string ReasonTexts { get; set; } = "";
    public bool TurnBack { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public DateTimeOffset ScannedAt { get; set; }
    public List<ScanRecordSite> Sites { get; set; } = [];
}

/// <summary>A site a record was reported to (the scanner's report settings at the time); carries the person id for sharding.</summary>
public sealed class ScanRecordSite
{
    public long ScanRecordId { get; set; }
    public long SiteId { get; set; }
    public long PersonId { get; set; }
    public DateTimeOffset ScannedAt { get; set; }
}

internal sealed class ScanRecordConfiguration : IEntityTypeConfiguration<ScanRecord>
{
    public void Configure(EntityTypeBuilder<ScanRecord> b)
    {
        b.ToTable("scan_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Color).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Temperature).HasPrecision(4, 1);
        b.Property(x => x.Remarks).HasMaxLength(200);
        b.Property(x => x.ReasonCodes).HasMaxLength(500);
        b.Property(x => x.ReasonTexts).HasMaxLength(1000);
        b.Property(x => x.IdempotencyKey).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.ScannerAccountId, x.IdempotencyKey }).IsUnique();
        b.HasIndex(x => new { x.PersonId, x.ScannedAt });
        b.HasIndex(x => x.ScannedAt);
    }
}

internal sealed class ScanRecordSiteConfiguration : IEntityTypeConfiguration<ScanRecordSite>
{
    public void Configure(EntityTypeBuilder<ScanRecordSite> b)
    {
        b.ToTable("scan_record_sites");
        b.HasKey(x => new { x.ScanRecordId, x.SiteId });
        b.HasOne<ScanRecord>().WithMany(r => r.Sites).HasForeignKey(x => x.ScanRecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SiteId, x.ScannedAt });
    }
}
