using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.Rendering;

namespace MiniCode.Features.Enterprises;

public enum EnterpriseStatus
{
    Active,
    /// <summary>Suspended by staff (企业码管理): every code of its staff verifies as revoked until resumed.</summary>
    Suspended,
}

public enum EnterpriseRole
{
    /// <summary>法定代表人</summary>
    LegalRepresentative,
    /// <summary>员工</summary>
    Staff,
}

/// <summary>An enterprise some citizen bound, as the registry confirmed it: name, credit code, region.</summary>
public sealed class Enterprise : INumberedRecord
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public EnterpriseStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SuspendedAt { get; set; }
    public string? SuspendedReason { get; set; }
    /// <summary>码编号 (see <see cref="INumberedRecord"/>).</summary>
    public string? CodeNumber { get; set; }
}

/// <summary>
/// 企业绑定: a real-named person bound to an enterprise in a role, after the registry's proof. 企业解绑 sets
/// <see cref="RemovedAt"/>, so codes shown before verify as revoked (the counter learns why); binding again makes a new row.
/// </summary>
public sealed class EnterpriseBinding
{
    public long Id { get; set; }
    public long EnterpriseId { get; set; }
    public long PersonId { get; set; }
    public EnterpriseRole Role { get; set; }
    public DateTimeOffset BoundAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
}

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.ToTable("enterprises");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.CreditCode).HasMaxLength(18).IsRequired();
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SuspendedReason).HasMaxLength(200);
        b.HasIndex(x => x.CreditCode).IsUnique();
        b.HasCodeNumber();
        b.HasIndex(x => x.RegionCode);
    }
}

internal sealed class EnterpriseBindingConfiguration : IEntityTypeConfiguration<EnterpriseBinding>
{
    public void Configure(EntityTypeBuilder<EnterpriseBinding> b)
    {
        b.ToTable("enterprise_bindings");
        b.HasKey(x => x.Id);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
        // One live binding of a person to an enterprise; removed ones stay for the codes shown before.
        b.HasIndex(x => new { x.EnterpriseId, x.PersonId }).IsUnique().HasFilter("removed_at IS NULL");
        b.HasIndex(x => x.PersonId);
    }
}
