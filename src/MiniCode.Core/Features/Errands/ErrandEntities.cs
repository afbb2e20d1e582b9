using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.Rendering;
using MiniCode.Features.People;

namespace MiniCode.Features.Errands;

/// <summary>授权事项: a matter a citizen may authorise someone to handle for them, managed by staff of its region.</summary>
public sealed class ErrandMatter
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>The region whose staff manage the matter (and see the authorisations for it).</summary>
    public string RegionCode { get; set; } = "";
    public int SortOrder { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    public object Snapshot() => new { Name, Description, RegionCode, SortOrder, Enabled };
}

/// <summary>What was last decided about an authorisation; the state shown also depends on the date (see <see cref="AuthorisationStates"/>).</summary>
public enum AuthorisationStatus { Pending, Accepted, Declined, Revoked, Expired }

/// <summary>
/// 授权办事: a real-named grantor lets a grantee act for them on a date (or date range, Asia/Shanghai calendar days,
/// both inclusive) for one matter. The grantee is stored as typed (name, document and optional phone encrypted, blind
/// index of the document, masked copies for display); the grantee sees it only when they are that person.
/// </summary>
public sealed class ErrandAuthorisation : INumberedRecord
{
    public long Id { get; set; }
    public long GrantorPersonId { get; set; }
    public Person? Grantor { get; set; }
    public long MatterId { get; set; }
    /// <summary>The matter's name when granted: what was agreed stays readable when staff rename the matter.</summary>
    public string MatterName { get; set; } = "";
    /// <summary>The matter's region when granted: staff of that region see the authorisation.</summary>
    public string RegionCode { get; set; } = "";
    public string GranteeNameCipher { get; set; } = "";
    public string GranteeNameMasked { get; set; } = "";
    /// <summary>The grantee's document: a resident ID card, or a passport / Mainland Travel Permit for grantees without one.</summary>
    public DocumentType GranteeDocumentType { get; set; }
    public string GranteeDocumentCipher { get; set; } = "";
    /// <summary>Blind index of <c>{GranteeDocumentType}:{number}</c>, as <see cref="Person.DocumentIndex"/>.</summary>
    public string GranteeDocumentIndex { get; set; } = "";
    public string GranteeDocumentMasked { get; set; } = "";
    public string? GranteePhoneCipher { get; set; }
    public string? GranteePhoneMasked { get; set; }
    /// <summary>The grantee's person once they answered (accepted or declined).</summary>
    public long? GranteePersonId { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    /// <summary>E-licence binding ids of the grantor to show, comma-separated, as given (checked when granted).</summary>
    public string LicenceIds { get; set; } = "";
    public AuthorisationStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>码编号 (see <see cref="INumberedRecord"/>).</summary>
    public string? CodeNumber { get; set; }

    public IReadOnlyList<long> LicenceIdList => LicenceIds.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public object Snapshot() => new { Status = Status.ToString(), MatterId, ValidFrom, ValidTo, GranteeNameMasked, GranteeDocumentMasked };
}

internal sealed class ErrandMatterConfiguration : IEntityTypeConfiguration<ErrandMatter>
{
    public void Configure(EntityTypeBuilder<ErrandMatter> b)
    {
        b.ToTable("errand_matters");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.HasIndex(x => x.RegionCode);
    }
}

internal sealed class ErrandAuthorisationConfiguration : IEntityTypeConfiguration<ErrandAuthorisation>
{
    public void Configure(EntityTypeBuilder<ErrandAuthorisation> b)
    {
        b.ToTable("errand_authorisations");
        b.HasKey(x => x.Id);
        b.HasOne(x => x.Grantor).WithMany().HasForeignKey(x => x.GrantorPersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ErrandMatter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.MatterName).HasMaxLength(50).IsRequired();
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.GranteeNameCipher).HasMaxLength(300).IsRequired();
        b.Property(x => x.GranteeNameMasked).HasMaxLength(60).IsRequired();
        b.Property(x => x.GranteeDocumentType).HasConversion<string>().HasMaxLength(20).HasDefaultValue(DocumentType.ResidentId);
        b.Property(x => x.GranteeDocumentCipher).HasMaxLength(200).IsRequired();
        b.Property(x => x.GranteeDocumentIndex).HasMaxLength(64).IsRequired();
        b.Property(x => x.GranteeDocumentMasked).HasMaxLength(40).IsRequired();
        b.Property(x => x.GranteePhoneCipher).HasMaxLength(200);
        b.Property(x => x.GranteePhoneMasked).HasMaxLength(20);
        b.Property(x => x.LicenceIds).HasMaxLength(400).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.GrantorPersonId, x.Status });
        b.HasIndex(x => x.GranteeDocumentIndex);
        b.HasCodeNumber();
        b.HasIndex(x => new { x.Status, x.ValidTo });
        b.HasIndex(x => x.RegionCode);
    }
}
