using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.People;

namespace MiniCode.Features.Contacts;

/// <summary>
/// 常用联系人 of a person (every account of that person sees the same list), used to fill authorisations and
/// appointments. The ID number and the phone are stored encrypted and shown masked; the ID number's blind index keeps
/// one entry per document and owner.
/// </summary>
public sealed class Contact
{
    public long Id { get; set; }
    public long OwnerPersonId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Free text the owner chose (父亲, 同事).</summary>
    public string? Relation { get; set; }
    public string DocumentCipher { get; set; } = "";
    /// <summary>Blind index of <c>{DocumentType}:{number}</c>, as for persons.</summary>
    public string DocumentIndex { get; set; } = "";
    public string DocumentMasked { get; set; } = "";
    public string? PhoneCipher { get; set; }
    public string? PhoneMasked { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("contacts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.Relation).HasMaxLength(20);
        b.Property(x => x.DocumentCipher).HasMaxLength(200).IsRequired();
        b.Property(x => x.DocumentIndex).HasMaxLength(64).IsRequired();
        b.Property(x => x.DocumentMasked).HasMaxLength(40).IsRequired();
        b.Property(x => x.PhoneCipher).HasMaxLength(200);
        b.Property(x => x.PhoneMasked).HasMaxLength(20);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.OwnerPersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.OwnerPersonId, x.DocumentIndex }).IsUnique();
    }
}
