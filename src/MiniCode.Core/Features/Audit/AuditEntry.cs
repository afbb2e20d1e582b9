using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.Audit;

/// <summary>One staff or system action that changed data: who, what, when, before and after (masked JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>"staff:12", "scanner:7", "citizen:3" or "system:job-name".</summary>
    public string Actor { get; set; } = "";
    /// <summary>Stable action name, e.g. "site.disable".</summary>
    public string Action { get; set; } = "";
    public string TargetType { get; set; } = "";
    public string? TargetId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? RequestId { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Actor).HasMaxLength(100).IsRequired();
        b.Property(x => x.Action).HasMaxLength(100).IsRequired();
        b.Property(x => x.TargetType).HasMaxLength(100).IsRequired();
        b.Property(x => x.TargetId).HasMaxLength(100);
        b.Property(x => x.RequestId).HasMaxLength(64);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.TargetType, x.TargetId });
    }
}
