using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.Organisations;

namespace MiniCode.Features.Staff;

public enum StaffType { OrganisationStaff, SiteStaff }
public enum StaffStatus { Active, Disabled }

/// <summary>A back-office account (机构人员 or 场所人员). The ID number is stored encrypted with a blind index.</summary>
public sealed class StaffMember
{
    public long Id { get; set; }
    public string Username { get; set; } = "";
    public string Name { get; set; } = "";
    public string? IdNumberCipher { get; set; }
    public string? IdNumberIndex { get; set; }
    public string? IdNumberMasked { get; set; }
    public StaffType Type { get; set; }
    public StaffStatus Status { get; set; }
    public long? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public long? SiteId { get; set; }
    public Site? Site { get; set; }
    public long RoleId { get; set; }
    public StaffRole? Role { get; set; }
    public string? Remarks { get; set; }
    public string PasswordHash { get; set; } = "";
    /// <summary>Changes on password reset or disable: cookies issued before it stop working.</summary>
    public string SecurityStamp { get; set; } = "";
    public int FailedLoginCount { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>What the audit log keeps of a staff member (no password hash, ID number masked).</summary>
    public object Snapshot() => new
    {
        Username, Name, IdNumber = IdNumberMasked, Type = Type.ToString(), Status = Status.ToString(),
        OrganisationId, SiteId, RoleId, Remarks,
    };
}

/// <summary>A named set of permissions (see <see cref="Permissions"/>), stored space-separated.</summary>
public sealed class StaffRole
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Permissions { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public IReadOnlySet<string> PermissionSet() =>
        Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public object Snapshot() => new { Name, Description, Permissions };
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.ToTable("staff_members");
        b.HasKey(x => x.Id);
        b.Property(x => x.Username).HasMaxLength(50).IsRequired();
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.IdNumberCipher).HasMaxLength(200);
        b.Property(x => x.IdNumberIndex).HasMaxLength(64);
        b.Property(x => x.IdNumberMasked).HasMaxLength(40);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Remarks).HasMaxLength(500);
        b.Property(x => x.PasswordHash).HasMaxLength(200).IsRequired();
        b.Property(x => x.SecurityStamp).HasMaxLength(64).IsRequired();
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Role).WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Username).IsUnique();
        b.HasIndex(x => x.IdNumberIndex);
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.SiteId);
        b.HasIndex(x => x.RoleId);
    }
}

internal sealed class StaffRoleConfiguration : IEntityTypeConfiguration<StaffRole>
{
    public void Configure(EntityTypeBuilder<StaffRole> b)
    {
        b.ToTable("staff_roles");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.Description).HasMaxLength(200);
        b.Property(x => x.Permissions).HasMaxLength(1000).IsRequired();
        b.HasIndex(x => x.Name).IsUnique();
    }
}
