using System.ComponentModel.DataAnnotations;
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

/// <summary>Section <c>MiniCode:Notices:Delivery</c>: retries of the platform channels.</summary>
public sealed class NoticeDeliveryOptions
{
    public const string Section = "MiniCode:Notices:Delivery";

    /// <summary>Attempts before a delivery is given up (logged and kept as failed).</summary>
    [Range(1, 50)] public int MaxAttempts { get; set; } = 6;
    /// <summary>Wait before the first retry; doubles with every further attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long a node may hold a delivery it is sending before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    [Range(1, 10_000)] public int BatchSize { get; set; } = 100;
    /// <summary>Sent and failed deliveries are deleted after this many days.</summary>
    [Range(1, 3650)] public int KeepDays { get; set; } = 7;

    public TimeSpan RetryDelay(int attempts)
    {
        var delay = FirstRetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }
}
