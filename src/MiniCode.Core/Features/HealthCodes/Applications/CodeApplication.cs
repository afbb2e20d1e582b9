using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.HealthCodes.Applications;

/// <summary>
/// A registered 码应用 / 扫码应用 (一码通 §2.2.5): a machine client that authenticates with <c>X-Api-Key</c>. Only the
/// SHA-256 of its key is stored (keys are 256 random bits, so a fast hash is enough); the key itself is shown once,
/// when it is made or rotated. 生成权限 and 扫码权限 are the two switches with their categories (码分类 codes,
/// comma-separated); what a verifying application sees is decided by <see cref="SeesMaskedName"/> and <see cref="SeesPortrait"/>.
/// </summary>
public sealed class CodeApplication
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The organisation running the system and its contact, as staff know it.</summary>
    public string Owner { get; set; } = "";
    /// <summary>The region whose staff manage the application (GB/T 2260).</summary>
    public string RegionCode { get; set; } = "";
    public string KeyHash { get; set; } = "";
    /// <summary>The key's last four characters, so staff can tell which key a caller holds.</summary>
    public string KeyHint { get; set; } = "";
    /// <summary>Off: the key is refused (401) as if unknown.</summary>
    public bool Enabled { get; set; } = true;
    public bool GenerateEnabled { get; set; }
    public string GenerateCategories { get; set; } = "";
    public bool VerifyEnabled { get; set; }
    public string VerifyCategories { get; set; } = "";
    public bool SeesMaskedName { get; set; }
    public bool SeesPortrait { get; set; }
    /// <summary>Calls (generate and verify together) per minute, per node.</summary>
    public int PerMinute { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset KeyIssuedAt { get; set; }

    public static IReadOnlySet<string> Split(string categories) =>
        categories.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>What the audit log keeps of a change (never the key or its hash).</summary>
    public object Snapshot() => new
    {
        Name, Owner, RegionCode, KeyHint, Enabled, GenerateEnabled, GenerateCategories, VerifyEnabled, VerifyCategories, SeesMaskedName, SeesPortrait, PerMinute,
    };
}

internal sealed class CodeApplicationConfiguration : IEntityTypeConfiguration<CodeApplication>
{
    public void Configure(EntityTypeBuilder<CodeApplication> b)
    {
        b.ToTable("code_applications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(60).IsRequired();
        b.Property(x => x.Owner).HasMaxLength(200).IsRequired();
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.KeyHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.KeyHint).HasMaxLength(4).IsRequired();
        b.Property(x => x.GenerateCategories).HasMaxLength(400).IsRequired();
        b.Property(x => x.VerifyCategories).HasMaxLength(400).IsRequired();
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.HasIndex(x => x.Name).IsUnique();
        b.HasIndex(x => x.RegionCode);
    }
}

/// <summary>An application's permissions as the hot path reads them from the cache.</summary>
public sealed record ApplicationGrant(long Id, string Name, bool GenerateEnabled, IReadOnlySet<string> GenerateCategories, bool VerifyEnabled,
    IReadOnlySet<string> VerifyCategories, bool SeesMaskedName, bool SeesPortrait, int PerMinute)
{
    /// <summary>The application as the statistics name it.</summary>
    public string StatisticsKey => StatisticsKeyOf(Id)!;

    /// <summary>"app:&lt;id&gt;", or null for no application.</summary>
    public static string? StatisticsKeyOf(long? applicationId) =>
        applicationId is { } id ? "app:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    public static ApplicationGrant Of(CodeApplication a) => new(a.Id, a.Name, a.GenerateEnabled, CodeApplication.Split(a.GenerateCategories), a.VerifyEnabled,
        CodeApplication.Split(a.VerifyCategories), a.SeesMaskedName, a.SeesPortrait, a.PerMinute);
}
