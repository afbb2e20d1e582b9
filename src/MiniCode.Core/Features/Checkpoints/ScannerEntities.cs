using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.Organisations;
using MiniCode.Features.People;

namespace MiniCode.Features.Checkpoints;

/// <summary>码上行动 roles, most senior first: each account creates accounts of a lower role below itself.</summary>
public enum ScannerRole
{
    /// <summary>高级（可创建中级、普通账号）</summary>
    Senior = 0,
    /// <summary>中级（可创建普通账号）</summary>
    Intermediate = 1,
    /// <summary>普通（只能扫码）</summary>
    Ordinary = 2,
}

/// <summary>
/// The checkpoint side of a scanner <see cref="Account"/> (Kind = Scanner): who they are, their site, role and the account
/// that created them (<see cref="ParentAccountId"/>; the chain of parents is the line, 条线). The login phone lives here,
/// not on the account, so a scanner can keep a separate citizen account with the same phone.
/// </summary>
public sealed class ScannerProfile
{
    public long AccountId { get; set; }
    public Account? Account { get; set; }
    public long SiteId { get; set; }
    public Site? Site { get; set; }
    public ScannerRole Role { get; set; }
    /// <summary>The account above in the line; null for a senior scanner created by staff.</summary>
    public long? ParentAccountId { get; set; }
    public string Name { get; set; } = "";
    public string IdNumberCipher { get; set; } = "";
    public string IdNumberIndex { get; set; } = "";
    public string IdNumberMasked { get; set; } = "";
    public string PhoneCipher { get; set; } = "";
    public string PhoneIndex { get; set; } = "";
    public string PhoneMasked { get; set; } = "";
    public string? Remarks { get; set; }
    /// <summary>"scanner:7" or "staff:3".</summary>
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A site a scanner's records are reported to (上报设置); none chosen means the scanner's own site.</summary>
public sealed class ScannerReportSite
{
    public long AccountId { get; set; }
    public long SiteId { get; set; }
}

/// <summary>A site a senior or intermediate scanner manages besides their own (the sites they added, or took over).</summary>
public sealed class ManagedSite
{
    public long AccountId { get; set; }
    public long SiteId { get; set; }
}

internal sealed class ScannerProfileConfiguration : IEntityTypeConfiguration<ScannerProfile>
{
    public void Configure(EntityTypeBuilder<ScannerProfile> b)
    {
        b.ToTable("scanner_profiles");
        b.HasKey(x => x.AccountId);
        b.Property(x => x.AccountId).ValueGeneratedNever();
        b.HasOne(x => x.Account).WithOne().HasForeignKey<ScannerProfile>(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.IdNumberCipher).HasMaxLength(200).IsRequired();
        b.Property(x => x.IdNumberIndex).HasMaxLength(64).IsRequired();
        b.Property(x => x.IdNumberMasked).HasMaxLength(40).IsRequired();
        b.Property(x => x.PhoneCipher).HasMaxLength(200).IsRequired();
        b.Property(x => x.PhoneIndex).HasMaxLength(64).IsRequired();
        b.Property(x => x.PhoneMasked).HasMaxLength(20).IsRequired();
        b.Property(x => x.Remarks).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(50).IsRequired();
        b.HasIndex(x => x.PhoneIndex).IsUnique();
        b.HasIndex(x => x.IdNumberIndex).IsUnique();
        b.HasIndex(x => x.ParentAccountId);
        b.HasIndex(x => x.SiteId);
    }
}

internal sealed class ScannerReportSiteConfiguration : IEntityTypeConfiguration<ScannerReportSite>
{
    public void Configure(EntityTypeBuilder<ScannerReportSite> b)
    {
        b.ToTable("scanner_report_sites");
        b.HasKey(x => new { x.AccountId, x.SiteId });
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.SiteId);
    }
}

internal sealed class ManagedSiteConfiguration : IEntityTypeConfiguration<ManagedSite>
{
    public void Configure(EntityTypeBuilder<ManagedSite> b)
    {
        b.ToTable("scanner_managed_sites");
        b.HasKey(x => new { x.AccountId, x.SiteId });
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.SiteId);
    }
}
