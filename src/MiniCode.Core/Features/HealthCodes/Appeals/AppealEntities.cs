using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.HealthCodes.Engine;

namespace MiniCode.Features.HealthCodes.Appeals;

public enum AppealStatus
{
    /// <summary>待处理</summary>
    Open,
    /// <summary>已处理（已更正）</summary>
    Resolved,
    /// <summary>已驳回</summary>
    Rejected,
}

/// <summary>纠错: a citizen's appeal against their colour, with text and an optional attachment reference.</summary>
public sealed class Appeal
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public long AccountId { get; set; }
    public HealthColor ColorAtFiling { get; set; }
    public string Text { get; set; } = "";
    public string? AttachmentName { get; set; }
    public byte[]? Attachment { get; set; }
    public AppealStatus Status { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Resolution { get; set; }
}

public enum OverrideStatus
{
    Pending,
    Approved,
    Rejected,
    Ended,
}

/// <summary>
/// A manual colour override: requested by one staff member with a rule reason code, effective only after a second,
/// different staff member approves it.
/// </summary>
public sealed class ColorOverride
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public long? AppealId { get; set; }
    public HealthColor Color { get; set; }
    public string ReasonCode { get; set; } = "";
    public string Note { get; set; } = "";
    public OverrideStatus Status { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
}

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> b)
    {
        b.ToTable("appeals");
        b.HasKey(x => x.Id);
        b.Property(x => x.ColorAtFiling).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Text).HasMaxLength(1000).IsRequired();
        b.Property(x => x.AttachmentName).HasMaxLength(100);
        b.Property(x => x.ResolvedBy).HasMaxLength(100);
        b.Property(x => x.Resolution).HasMaxLength(500);
        b.HasIndex(x => new { x.PersonId, x.FiledAt });
        b.HasIndex(x => x.Status);
    }
}

internal sealed class ColorOverrideConfiguration : IEntityTypeConfiguration<ColorOverride>
{
    public void Configure(EntityTypeBuilder<ColorOverride> b)
    {
        b.ToTable("color_overrides");
        b.HasKey(x => x.Id);
        b.Property(x => x.Color).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ReasonCode).HasMaxLength(50).IsRequired();
        b.Property(x => x.Note).HasMaxLength(500).IsRequired();
        b.Property(x => x.RequestedBy).HasMaxLength(100).IsRequired();
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.PersonId, x.Status });
    }
}
