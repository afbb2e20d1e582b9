using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.DataSupport;

public enum DataInterfaceStatus { Active = 1, Disabled = 2 }

/// <summary>How the third party authenticates the platform's calls (recorded for staff; the credentials are the party's own).</summary>
public enum DataInterfaceAuth { None = 1, ApiKey = 2, Basic = 3, Bearer = 4, Certificate = 5 }

/// <summary>
/// 数据接口注册 (一码通 §2.2.6.1): an interface a third party opens to the platform, and its last health probe. The
/// probe history is <see cref="DataInterfaceProbe"/>.
/// </summary>
public sealed class DataInterface
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The party that opened the interface, and its contact.</summary>
    public string Owner { get; set; } = "";
    public string Url { get; set; } = "";
    /// <summary>GET or POST.</summary>
    public string Method { get; set; } = "GET";
    public DataInterfaceAuth AuthKind { get; set; } = DataInterfaceAuth.None;
    /// <summary>The fields the interface answers, comma-separated as staff listed them.</summary>
    public string Fields { get; set; } = "";
    public DataInterfaceStatus Status { get; set; } = DataInterfaceStatus.Active;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? LastProbedAt { get; set; }
    public bool? LastProbeAvailable { get; set; }
    public string? LastProbeResult { get; set; }

    public static readonly IReadOnlyList<string> Methods = ["GET", "POST"];

    public object Snapshot() => new { Name, Owner, Url, Method, AuthKind = AuthKind.ToString(), Fields, Status = Status.ToString() };

    public static string AuthLabel(DataInterfaceAuth auth) => auth switch
    {
        DataInterfaceAuth.None => "无",
        DataInterfaceAuth.ApiKey => "API Key",
        DataInterfaceAuth.Basic => "Basic 认证",
        DataInterfaceAuth.Bearer => "Bearer 令牌",
        DataInterfaceAuth.Certificate => "客户端证书",
        _ => auth.ToString(),
    };
}

/// <summary>One health probe of an interface (availability history, pruned after <see cref="DataSupportOptions.ProbeHistoryDays"/>).</summary>
public sealed class DataInterfaceProbe
{
    public long Id { get; set; }
    public long InterfaceId { get; set; }
    public DateTimeOffset At { get; set; }
    public bool Available { get; set; }
    /// <summary>The HTTP status answered, null when none came (timeout, refused connection).</summary>
    public int? StatusCode { get; set; }
    public int ElapsedMs { get; set; }
    public string? Error { get; set; }
}

/// <summary>
/// 数据需求目录 (一码通 §2.2.6.2): a data need hooked to a registered interface, with its scheduling priority (1 =
/// first); the <c>pull-data-needs</c> job pulls needs in that order, and a need with an import kind feeds the pulled
/// CSV to the health-data importer.
/// </summary>
public sealed class DataNeed
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Who needs the data and why.</summary>
    public string Purpose { get; set; } = "";
    public long InterfaceId { get; set; }
    public int Priority { get; set; } = 5;
    /// <summary>"risk-list", "nucleic-acid", "regions" (the importer's kinds), or null: pulled and recorded only.</summary>
    public string? ImportKind { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? LastPulledAt { get; set; }
    public bool? LastPullOk { get; set; }
    public string? LastPullResult { get; set; }
    /// <summary>The place of the last pull in its job run (1 = pulled first), so the scheduling order can be seen.</summary>
    public int? LastPullPosition { get; set; }

    public const int HighestPriority = 1, LowestPriority = 9;

    public object Snapshot() => new { Name, Purpose, InterfaceId, Priority, ImportKind, Enabled };
}

internal sealed class DataInterfaceConfiguration : IEntityTypeConfiguration<DataInterface>
{
    public void Configure(EntityTypeBuilder<DataInterface> b)
    {
        b.ToTable("data_interfaces");
        b.Property(x => x.Name).HasMaxLength(80);
        b.Property(x => x.Owner).HasMaxLength(120);
        b.Property(x => x.Url).HasMaxLength(500);
        b.Property(x => x.Method).HasMaxLength(8);
        b.Property(x => x.Fields).HasMaxLength(1000);
        b.Property(x => x.LastProbeResult).HasMaxLength(300);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class DataInterfaceProbeConfiguration : IEntityTypeConfiguration<DataInterfaceProbe>
{
    public void Configure(EntityTypeBuilder<DataInterfaceProbe> b)
    {
        b.ToTable("data_interface_probes");
        b.Property(x => x.Error).HasMaxLength(300);
        b.HasOne<DataInterface>().WithMany().HasForeignKey(x => x.InterfaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.InterfaceId, x.At });
    }
}

internal sealed class DataNeedConfiguration : IEntityTypeConfiguration<DataNeed>
{
    public void Configure(EntityTypeBuilder<DataNeed> b)
    {
        b.ToTable("data_needs");
        b.Property(x => x.Name).HasMaxLength(80);
        b.Property(x => x.Purpose).HasMaxLength(500);
        b.Property(x => x.ImportKind).HasMaxLength(20);
        b.Property(x => x.LastPullResult).HasMaxLength(300);
        b.HasOne<DataInterface>().WithMany().HasForeignKey(x => x.InterfaceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.Enabled, x.Priority, x.Id });
    }
}
