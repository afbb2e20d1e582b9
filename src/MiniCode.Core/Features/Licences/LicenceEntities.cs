using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.Rendering;
using MiniCode.Features.People;

namespace MiniCode.Features.Licences;

/// <summary>
/// A kind of e-licence (电子证照) a citizen can bind: 居民身份电子凭证 and 社会保障卡 are seeded, staff add more. The
/// issuer gateway knows it by <see cref="CatalogueCode"/> (证照目录编码), which never changes once bindings exist.
/// </summary>
public sealed class LicenceType
{
    public long Id { get; set; }
    /// <summary>The catalogue code on the issuer wire: lower-case letters, digits and underscores.</summary>
    public string CatalogueCode { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The issuing authority as staff describe it (签发机构); the issuer's answer names the office of each licence.</summary>
    public string IssuerName { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>An identity credential: the issuer answers a face image reference with it.</summary>
    public bool IsIdentityCredential { get; set; }
    public bool Enabled { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public object Snapshot() => new { CatalogueCode, Name, IssuerName, Description, IsIdentityCredential, Enabled, SortOrder };
}

/// <summary>
/// A licence bound by its holder (授权关联). Unbinding (解除绑定) keeps the row with <see cref="UnboundAt"/> and forgets the
/// licence number, so codes shown before verify as revoked and a new binding gets a new id. The licence number is stored
/// encrypted, found by its blind index (one live binding per licence) and shown masked.
/// </summary>
public sealed class LicenceBinding : INumberedRecord
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public long LicenceTypeId { get; set; }
    public LicenceType? LicenceType { get; set; }
    public string LicenceNumberCipher { get; set; } = "";
    /// <summary>Blind index of <c>{catalogueCode}:{licence number}</c>.</summary>
    public string LicenceNumberIndex { get; set; } = "";
    public string LicenceNumberMasked { get; set; } = "";
    /// <summary>The holder's name as the issuer answered it, masked.</summary>
    public string HolderMasked { get; set; } = "";
    /// <summary>The issuing office the issuer named (e.g. 北京市公安局朝阳分局).</summary>
    public string Issuer { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    /// <summary>Null: valid without end (长期).</summary>
    public DateOnly? ValidTo { get; set; }
    /// <summary>The issuer's face image reference of an identity credential, encrypted.</summary>
    public string? FaceImageRefCipher { get; set; }
    /// <summary>The holder's order (排序), 1-based.</summary>
    public int SortOrder { get; set; }
    public DateTimeOffset BoundAt { get; set; }
    public DateTimeOffset? UnboundAt { get; set; }
    /// <summary>码编号 (see <see cref="INumberedRecord"/>).</summary>
    public string? CodeNumber { get; set; }
}

internal sealed class LicenceTypeConfiguration : IEntityTypeConfiguration<LicenceType>
{
    public void Configure(EntityTypeBuilder<LicenceType> b)
    {
        b.ToTable("licence_types");
        b.HasKey(x => x.Id);
        b.Property(x => x.CatalogueCode).HasMaxLength(40).IsRequired();
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.IssuerName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Description).HasMaxLength(500);
        b.HasIndex(x => x.CatalogueCode).IsUnique();
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class LicenceBindingConfiguration : IEntityTypeConfiguration<LicenceBinding>
{
    public void Configure(EntityTypeBuilder<LicenceBinding> b)
    {
        b.ToTable("licence_bindings");
        b.HasKey(x => x.Id);
        b.Property(x => x.LicenceNumberCipher).HasMaxLength(300).IsRequired();
        b.Property(x => x.LicenceNumberIndex).HasMaxLength(64).IsRequired();
        b.Property(x => x.LicenceNumberMasked).HasMaxLength(80).IsRequired();
        b.Property(x => x.HolderMasked).HasMaxLength(100).IsRequired();
        b.Property(x => x.Issuer).HasMaxLength(100).IsRequired();
        b.Property(x => x.FaceImageRefCipher).HasMaxLength(600);
        b.HasOne(x => x.LicenceType).WithMany().HasForeignKey(x => x.LicenceTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        // One live binding per person and type, and per licence: parallel binds cannot both win (filtered unique indexes
        // read the same on SQLite and PostgreSQL).
        b.HasIndex(x => new { x.PersonId, x.LicenceTypeId }).IsUnique().HasFilter("unbound_at IS NULL");
        b.HasIndex(x => x.LicenceNumberIndex).IsUnique().HasFilter("unbound_at IS NULL");
        b.HasCodeNumber();
    }
}
