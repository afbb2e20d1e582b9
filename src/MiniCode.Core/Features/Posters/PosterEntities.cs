using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.HealthCodes.Engine;

namespace MiniCode.Features.Posters;

public enum PosterKind
{
    /// <summary>个人张贴码</summary>
    Personal,
    /// <summary>机构张贴码</summary>
    Institution,
}

/// <summary>Kinds of venue (NHS venue types, trimmed to what Chinese venue systems ask for).</summary>
public enum VenueType
{
    /// <summary>商超店铺</summary>
    Shop,
    /// <summary>餐饮</summary>
    Restaurant,
    /// <summary>写字楼办公</summary>
    Office,
    /// <summary>工厂</summary>
    Factory,
    /// <summary>学校</summary>
    School,
    /// <summary>医疗机构</summary>
    Hospital,
    /// <summary>宾馆酒店</summary>
    Hotel,
    /// <summary>交通场站</summary>
    Transport,
    /// <summary>居民小区</summary>
    Residential,
    /// <summary>娱乐场所</summary>
    Entertainment,
    /// <summary>机关单位</summary>
    Government,
    /// <summary>宗教场所</summary>
    Religious,
    /// <summary>活动会场</summary>
    Event,
    /// <summary>其他</summary>
    Other,
}

/// <summary>
/// A poster code (张贴码) of one owner account: the venue facts and its contact. The signed QR only carries the poster id;
/// the venue is looked up here, so it can be corrected without reprinting. Deleting and revoking are soft (check-ins
/// still reference the poster until they are purged; the purge then removes the poster too).
/// </summary>
public sealed class Poster
{
    public long Id { get; set; }
    /// <summary>The citizen account that applied; 0 for a poster a registered application generated.</summary>
    public long OwnerAccountId { get; set; }
    /// <summary>The code application that generated it through <c>POST /api/codes</c>, with its own reference of the venue.</summary>
    public long? OwnerApplicationId { get; set; }
    public string? ApplicationSubjectRef { get; set; }
    public PosterKind Kind { get; set; }
    public string VenueName { get; set; } = "";
    public string Address { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public VenueType VenueType { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactPhoneCipher { get; set; } = "";
    public string ContactPhoneIndex { get; set; } = "";
    public string ContactPhoneMasked { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    public string? RevokedBy { get; set; }
}

/// <summary>
/// One printed generation of a poster: its signed payload and its mini-program scene token. Rotation makes a new current
/// generation and gives the old one <see cref="ValidUntil"/> (the grace period); the platform codes are cached per generation.
/// </summary>
public sealed class PosterGeneration
{
    public long Id { get; set; }
    public long PosterId { get; set; }
    public int Number { get; set; }
    public string Payload { get; set; } = "";
    /// <summary>Random token of the WeChat/Alipay scene <c>P&lt;posterId&gt;.&lt;token&gt;</c>.</summary>
    public string SceneToken { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>Null while current; after a rotation the end of the grace period.</summary>
    public DateTimeOffset? ValidUntil { get; set; }
    /// <summary>getwxacodeunlimit image (PNG/JPEG bytes), fetched once.</summary>
    public byte[]? WeChatCode { get; set; }
    public string? AlipayQrCodeUrl { get; set; }
}

/// <summary>
/// A visit: one person at one venue. Repeat scans within the collapse window update <see cref="LastScanAt"/> and
/// <see cref="ScanCount"/>. The person id is on the row (the future sharding key); purged after the retention period.
/// </summary>
public sealed class CheckIn
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public long PosterId { get; set; }
    /// <summary>The account that scanned (the person's own, or a household holder's for a relative).</summary>
    public long AccountId { get; set; }
    public int GenerationNumber { get; set; }
    /// <summary>"qr" (the printed signed code) or "scene" (WeChat/Alipay mini-program code).</summary>
    public string Via { get; set; } = "";
    public HealthColor Color { get; set; }
    public DateTimeOffset CheckedInAt { get; set; }
    public DateTimeOffset LastScanAt { get; set; }
    public int ScanCount { get; set; }
}

internal sealed class PosterConfiguration : IEntityTypeConfiguration<Poster>
{
    public void Configure(EntityTypeBuilder<Poster> b)
    {
        b.ToTable("posters");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.VenueName).HasMaxLength(40).IsRequired();
        b.Property(x => x.Address).HasMaxLength(200).IsRequired();
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.VenueType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ContactName).HasMaxLength(50).IsRequired();
        b.Property(x => x.ContactPhoneCipher).HasMaxLength(200).IsRequired();
        b.Property(x => x.ContactPhoneIndex).HasMaxLength(64).IsRequired();
        b.Property(x => x.ContactPhoneMasked).HasMaxLength(20).IsRequired();
        b.Property(x => x.RevokedReason).HasMaxLength(200);
        b.Property(x => x.RevokedBy).HasMaxLength(100);
        b.HasIndex(x => x.OwnerAccountId);
        b.HasIndex(x => x.RegionCode);
        b.Property(x => x.ApplicationSubjectRef).HasMaxLength(64);
        b.HasIndex(x => new { x.OwnerApplicationId, x.ApplicationSubjectRef }).IsUnique();
    }
}

internal sealed class PosterGenerationConfiguration : IEntityTypeConfiguration<PosterGeneration>
{
    public void Configure(EntityTypeBuilder<PosterGeneration> b)
    {
        b.ToTable("poster_generations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Payload).HasMaxLength(200).IsRequired();
        b.Property(x => x.SceneToken).HasMaxLength(32).IsRequired();
        b.Property(x => x.AlipayQrCodeUrl).HasMaxLength(500);
        b.HasOne<Poster>().WithMany().HasForeignKey(x => x.PosterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PosterId, x.Number }).IsUnique();
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.ToTable("check_ins");
        b.HasKey(x => x.Id);
        b.Property(x => x.Via).HasMaxLength(10).IsRequired();
        b.Property(x => x.Color).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(x => new { x.PosterId, x.CheckedInAt });
        b.HasIndex(x => new { x.PersonId, x.PosterId, x.CheckedInAt });
        b.HasIndex(x => x.CheckedInAt);
    }
}
