using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>The data sets the health authority delivers; the wire names are used in URLs.</summary>
public enum ImportKind
{
    RiskList,
    Regions,
    NucleicAcid,
    Vaccinations,
    /// <summary>People who already applied for a code through the provincial system (福建八闽健康码): no declaration needed.</summary>
    PriorApplications,
}

/// <summary>One delivery (CSV file or JSON batch) from the health authority, with its row counts.</summary>
public sealed class HealthDataImport
{
    public long Id { get; set; }
    public ImportKind Kind { get; set; }
    /// <summary>"csv" or "json".</summary>
    public string Format { get; set; } = "";
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public long TotalRows { get; set; }
    public long AcceptedRows { get; set; }
    public long RejectedRows { get; set; }
    public long RecomputedPersons { get; set; }
}

/// <summary>A row the import refused, with its line number and the reason, for the downloadable report.</summary>
public sealed class HealthDataImportRejection
{
    public long Id { get; set; }
    public long ImportId { get; set; }
    public long Line { get; set; }
    public string Reason { get; set; } = "";
    public string Raw { get; set; } = "";
}

internal sealed class HealthDataImportConfiguration : IEntityTypeConfiguration<HealthDataImport>
{
    public void Configure(EntityTypeBuilder<HealthDataImport> b)
    {
        b.ToTable("health_data_imports");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Format).HasMaxLength(10).IsRequired();
        b.Property(x => x.SubmittedBy).HasMaxLength(100).IsRequired();
        b.HasIndex(x => x.StartedAt);
    }
}

internal sealed class HealthDataImportRejectionConfiguration : IEntityTypeConfiguration<HealthDataImportRejection>
{
    public void Configure(EntityTypeBuilder<HealthDataImportRejection> b)
    {
        b.ToTable("health_data_import_rejections");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(300).IsRequired();
        b.Property(x => x.Raw).HasMaxLength(1000).IsRequired();
        b.HasIndex(x => new { x.ImportId, x.Line });
    }
}
