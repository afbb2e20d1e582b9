using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.HealthCodes.Notices;

public enum NoticeDeliveryStatus { Pending, Sent, Failed }

/// <summary>
/// One notice still to travel (or that travelled) through one deferred channel (WeChat, Alipay): the outbox that lets a
/// request finish without waiting for a platform, and retries a platform that is down, so no notice is lost.
/// </summary>
public sealed class NoticeDelivery
{
    public long Id { get; set; }
    public long NoticeId { get; set; }
    public Notice? Notice { get; set; }
    public string Channel { get; set; } = "";
    public NoticeDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Set while a node sends it, so two nodes never send the same delivery at once.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class NoticeDeliveryConfiguration : IEntityTypeConfiguration<NoticeDelivery>
{
    public void Configure(EntityTypeBuilder<NoticeDelivery> b)
    {
        b.ToTable("notice_deliveries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Channel).HasMaxLength(30).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.LastError).HasMaxLength(300);
        b.HasOne(x => x.Notice).WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => x.NoticeId);
    }
}
