using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.Organisations;

/// <summary>
/// A body in the jurisdiction tree (province → city → district → street …). Each node carries the 6-digit
/// administrative region code (GB/T 2260) it is responsible for; checkpoints and staff hang off these nodes.
/// </summary>
public sealed class Organisation
{
    public long Id { get; set; }
    public long? ParentId { get; set; }
    public Organisation? Parent { get; set; }
    public string Name { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string? Address { get; set; }
    public string? Remarks { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum SiteStatus
{
    /// <summary>启用</summary>
    Active,
    /// <summary>已停用</summary>
    Stopped,
}

/// <summary>A checkpoint / venue (场所) run by one organisation, in the region of that organisation or below it.</summary>
public sealed class Site
{
    public long Id { get; set; }
    public long OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>The site this one is a 下级站点 of; null for a top site (created by staff).</summary>
    public long? ParentId { get; set; }
    public string Name { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string? Address { get; set; }
    public SiteStatus Status { get; set; }
    public string? Remarks { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.Remarks).HasMaxLength(500);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ParentId);
        b.HasIndex(x => x.RegionCode);
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.ToTable("sites");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.Remarks).HasMaxLength(500);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.ParentId);
        b.HasIndex(x => x.RegionCode);
    }
}
