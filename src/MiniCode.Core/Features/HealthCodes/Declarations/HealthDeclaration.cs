using MiniCode.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.HealthCodes.Declarations;

/// <summary>The current self declaration (信息申报) of one person, self or a relative: one row per person.</summary>
public sealed class HealthDeclaration : IClusterSignalled
{
    public IEnumerable<ClusterSignal> ClusterSignals() => ClusterSignal.For(ClusterTopics.People, PersonId);

    public long PersonId { get; set; }
    /// <summary>Symptoms in the last 14 days, comma separated; empty means none.</summary>
    public string Symptoms { get; set; } = "";
    public decimal Temperature { get; set; }
    public string RegionCode { get; set; } = "";
    public string Address { get; set; } = "";
    public string? Remarks { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    /// <summary>Modifications after the first submission: the first is free, later ones wait 24 h after the previous change.</summary>
    public int ModificationCount { get; set; }
    /// <summary>Since when the declared region has stayed the same (local stay for the high-risk-origin rule).</summary>
    public DateTimeOffset RegionSince { get; set; }
    /// <summary>"citizen:3" (self) or "holder:5" (a household holder declaring for a relative).</summary>
    public string ChangedBy { get; set; } = "";

    public IReadOnlyList<string> SymptomList() => Symptoms.Length == 0 ? [] : Symptoms.Split(',');
}

internal sealed class HealthDeclarationConfiguration : IEntityTypeConfiguration<HealthDeclaration>
{
    public void Configure(EntityTypeBuilder<HealthDeclaration> b)
    {
        b.ToTable("health_declarations");
        b.HasKey(x => x.PersonId);
        b.Property(x => x.PersonId).ValueGeneratedNever();
        b.Property(x => x.Symptoms).HasMaxLength(500);
        b.Property(x => x.Temperature).HasPrecision(4, 1);
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.Address).HasMaxLength(200).IsRequired();
        b.Property(x => x.Remarks).HasMaxLength(500);
        b.Property(x => x.ChangedBy).HasMaxLength(100).IsRequired();
    }
}
