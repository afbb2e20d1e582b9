using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.Announcements;

/// <summary>资讯 for the mini program's home page, shown in its region (and below) during its publish window.</summary>
public sealed class Announcement
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public DateTimeOffset PublishFrom { get; set; }
    public DateTimeOffset? PublishUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public object Snapshot() => new { Title, RegionCode, PublishFrom, PublishUntil };
}

public enum ServiceLinkKind { TravelCard, TestingSites, Vaccination, MedicalInsurance, Other }

/// <summary>A service entry (行程卡, 核酸检测点, 疫苗预约, 医保码 …) configured per region.</summary>
public sealed class ServiceLink
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public ServiceLinkKind Kind { get; set; }
    public string Title { get; set; } = "";
    /// <summary>An https URL or a mini-program path ("appid:path").</summary>
    public string Target { get; set; } = "";
    public int SortOrder { get; set; }
    public bool Enabled { get; set; } = true;

    public object Snapshot() => new { RegionCode, Kind = Kind.ToString(), Title, Target, SortOrder, Enabled };

    public static string KindLabel(ServiceLinkKind k) => k switch
    {
        ServiceLinkKind.TravelCard => "通信行程卡", ServiceLinkKind.TestingSites => "核酸检测点",
        ServiceLinkKind.Vaccination => "疫苗接种预约", ServiceLinkKind.MedicalInsurance => "医保电子凭证", _ => "其他服务",
    };
}

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> b)
    {
        b.ToTable("announcements");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(100).IsRequired();
        b.Property(x => x.Body).HasMaxLength(10000).IsRequired();
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.HasIndex(x => x.PublishFrom);
    }
}

internal sealed class ServiceLinkConfiguration : IEntityTypeConfiguration<ServiceLink>
{
    public void Configure(EntityTypeBuilder<ServiceLink> b)
    {
        b.ToTable("service_links");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Title).HasMaxLength(50).IsRequired();
        b.Property(x => x.Target).HasMaxLength(500).IsRequired();
        b.HasIndex(x => x.RegionCode);
    }
}
