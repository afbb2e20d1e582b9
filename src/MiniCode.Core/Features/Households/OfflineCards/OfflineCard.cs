using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.Households.OfflineCards;

public enum OfflineCardStatus
{
    Active,
    Expired,
    Revoked,
}

/// <summary>
/// An issued offline card (爱心福码卡 / 离线码): the signed payload (type offline card, 30-day expiry) as printed, for
/// re-rendering and for the revocation list. The person id is kept as the future sharding key like every code table.
/// Every write drops the person's cached revocations on every node (<see cref="RevokedOfflineCards"/>).
/// </summary>
public sealed class OfflineCard : IClusterSignalled
{
    public IEnumerable<ClusterSignal> ClusterSignals() => ClusterSignal.For(ClusterTopics.OfflineCards, PersonId);

    public long Id { get; set; }
    public long PersonId { get; set; }
    public long IssuedByAccountId { get; set; }
    public string Payload { get; set; } = "";
    /// <summary>SHA-256 of the payload text, lower-case hex: how the revocation list names a card.</summary>
    public string PayloadHash { get; set; } = "";
    public HealthColor Color { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public OfflineCardStatus Status { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>"color_worsened", "relative_removed" or "account_deleted".</summary>
    public string? RevocationReason { get; set; }
}

internal sealed class OfflineCardConfiguration : IEntityTypeConfiguration<OfflineCard>
{
    public void Configure(EntityTypeBuilder<OfflineCard> b)
    {
        b.ToTable("offline_cards");
        b.HasKey(x => x.Id);
        b.Property(x => x.Payload).HasMaxLength(200).IsRequired();
        b.Property(x => x.PayloadHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Color).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.RevocationReason).HasMaxLength(30);
        b.HasIndex(x => x.PayloadHash).IsUnique();
        b.HasIndex(x => new { x.PersonId, x.IssuedAt });
        b.HasIndex(x => new { x.IssuedByAccountId, x.IssuedAt });
        b.HasIndex(x => new { x.Status, x.ExpiresAt });
    }
}
