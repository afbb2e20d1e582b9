using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.HealthCodes.Engine;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>
/// Records imported from the health authority are keyed by the person's document blind index (most people on a list have
/// never opened the mini program); <see cref="PersonId"/> is filled when the person is known, as the sharding key.
/// </summary>
public interface IPersonHealthRecord
{
    string DocumentIndex { get; set; }
    long? PersonId { get; set; }
}

public sealed class RiskListEntry : IPersonHealthRecord
{
    public long Id { get; set; }
    public string DocumentIndex { get; set; } = "";
    public long? PersonId { get; set; }
    public RiskKind Kind { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class HighRiskRegion
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class NucleicAcidResult : IPersonHealthRecord
{
    public long Id { get; set; }
    public string DocumentIndex { get; set; } = "";
    public long? PersonId { get; set; }
    public DateTimeOffset SampledAt { get; set; }
    public bool Negative { get; set; }
    public string Institution { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class VaccinationRecord : IPersonHealthRecord
{
    public long Id { get; set; }
    public string DocumentIndex { get; set; } = "";
    public long? PersonId { get; set; }
    public int Dose { get; set; }
    public DateOnly VaccinatedOn { get; set; }
    public string Product { get; set; } = "";
    public bool CompletesSeries { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// 福建: the person already applied for a health code through the provincial system (福建八闽健康码), so showing the code
/// here needs no new declaration (004 信息申报 2).
/// </summary>
public sealed class PriorApplication : IPersonHealthRecord
{
    public long Id { get; set; }
    public string DocumentIndex { get; set; } = "";
    public long? PersonId { get; set; }
    public DateOnly AppliedOn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class PriorApplicationConfiguration : IEntityTypeConfiguration<PriorApplication>
{
    public void Configure(EntityTypeBuilder<PriorApplication> b)
    {
        b.ToTable("prior_applications");
        b.HasKey(x => x.Id);
        b.Property(x => x.DocumentIndex).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.DocumentIndex).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class RiskListEntryConfiguration : IEntityTypeConfiguration<RiskListEntry>
{
    public void Configure(EntityTypeBuilder<RiskListEntry> b)
    {
        b.ToTable("risk_list_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.DocumentIndex).HasMaxLength(64).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.DocumentIndex, x.Kind, x.StartsOn }).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class HighRiskRegionConfiguration : IEntityTypeConfiguration<HighRiskRegion>
{
    public void Configure(EntityTypeBuilder<HighRiskRegion> b)
    {
        b.ToTable("high_risk_regions");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.HasIndex(x => new { x.RegionCode, x.StartsOn }).IsUnique();
    }
}

internal sealed class NucleicAcidResultConfiguration : IEntityTypeConfiguration<NucleicAcidResult>
{
    public void Configure(EntityTypeBuilder<NucleicAcidResult> b)
    {
        b.ToTable("nucleic_acid_results");
        b.HasKey(x => x.Id);
        b.Property(x => x.DocumentIndex).HasMaxLength(64).IsRequired();
        b.Property(x => x.Institution).HasMaxLength(100).IsRequired();
        b.HasIndex(x => new { x.DocumentIndex, x.SampledAt }).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class VaccinationRecordConfiguration : IEntityTypeConfiguration<VaccinationRecord>
{
    public void Configure(EntityTypeBuilder<VaccinationRecord> b)
    {
        b.ToTable("vaccination_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.DocumentIndex).HasMaxLength(64).IsRequired();
        b.Property(x => x.Product).HasMaxLength(100).IsRequired();
        b.HasIndex(x => new { x.DocumentIndex, x.Dose }).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}
