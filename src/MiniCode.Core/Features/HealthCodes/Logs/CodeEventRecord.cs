using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.HealthCodes.Logs;

/// <summary>
/// 日志记录 (一码通 §2.2.8): one 亮码 (a code shown) or 扫码 (a code verified) event, written off the request path in
/// batches by <see cref="CodeEventFlushService"/>. The person is kept by id only; the admin shows them masked.
/// </summary>
public sealed class CodeEventRecord
{
    public const string Show = "show", Scan = "scan";

    public long Id { get; set; }
    /// <summary><see cref="Show"/> or <see cref="Scan"/>.</summary>
    public string Kind { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>The holder for a person's code; null for venues and unreadable payloads.</summary>
    public long? PersonId { get; set; }
    /// <summary>Wire name of the code type (health_code, offline_card, poster …).</summary>
    public string CodeType { get; set; } = "";
    /// <summary>码分类 code of the code type, "" when unreadable.</summary>
    public string Category { get; set; } = "";
    /// <summary>The holder's (or venue's) region, "" when unknown.</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>The verifying application (<c>app:&lt;id&gt;</c>), "" for the platform's own callers.</summary>
    public string Application { get; set; } = "";
    /// <summary>For a scan: "valid" or the failure (expired, revoked …); "" for a show.</summary>
    public string Outcome { get; set; } = "";
}

internal sealed class CodeEventRecordConfiguration : IEntityTypeConfiguration<CodeEventRecord>
{
    public void Configure(EntityTypeBuilder<CodeEventRecord> b)
    {
        b.ToTable("code_event_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(10).IsRequired();
        b.Property(x => x.CodeType).HasMaxLength(30).IsRequired();
        b.Property(x => x.Category).HasMaxLength(40).IsRequired();
        b.Property(x => x.RegionCode).HasMaxLength(12).IsRequired();
        b.Property(x => x.Application).HasMaxLength(30).IsRequired();
        b.Property(x => x.Outcome).HasMaxLength(30).IsRequired();
        b.HasIndex(x => new { x.Kind, x.At });
        b.HasIndex(x => new { x.PersonId, x.At });
        b.HasIndex(x => x.RegionCode);
    }
}
