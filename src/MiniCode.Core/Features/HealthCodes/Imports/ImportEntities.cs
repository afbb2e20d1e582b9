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

/// <summary>
/// Where an import stands. The authority's are applied at once; a staff member's waits for a second staff member with
/// the approve permission, who applies or discards it (four eyes, as for manual overrides).
/// </summary>
public enum ImportStatus
{
    Applied,
    Pending,
    Discarded,
}

/// <summary>One delivery (CSV file or JSON batch) from the health authority or a staff member, with its row counts.</summary>
public sealed class HealthDataImport
{
    public long Id { get; set; }
    public ImportKind Kind { get; set; }
    public ImportStatus Status { get; set; }
    /// <summary>
    /// A staff member's import: the jurisdiction it was checked against (null = the whole platform, and every import of
    /// the authority). Only staff whose jurisdiction covers it see, approve or download it.
    /// </summary>
    public string? RegionCode { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
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

/// <summary>
/// A row the import refused, with its line number and the reason, for the downloadable report. <see cref="Raw"/> is the
/// source text with document numbers masked (never the full number); rows are purged after
/// <see cref="ImportOptions.RejectedRowsRetentionDays"/>.
/// </summary>
public sealed class HealthDataImportRejection
{
    public long Id { get; set; }
    public long ImportId { get; set; }
    public long Line { get; set; }
    public string Reason { get; set; } = "";
    public string Raw { get; set; } = "";
}

/// <summary>
/// A checked row of a staff import awaiting approval: the parsed row as JSON, its document as the blind index only
/// (no number in clear). Applied and deleted on approval, deleted on rejection.
/// </summary>
public sealed class HealthDataImportStagedRow
{
    public long Id { get; set; }
    public long ImportId { get; set; }
    public long Line { get; set; }
    public string Payload { get; set; } = "";
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
        // Imports made before staff imports needed approval were all applied.
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20).HasDefaultValue(ImportStatus.Applied);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.HasIndex(x => x.StartedAt);
        b.HasIndex(x => x.Status);
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

internal sealed class HealthDataImportStagedRowConfiguration : IEntityTypeConfiguration<HealthDataImportStagedRow>
{
    public void Configure(EntityTypeBuilder<HealthDataImportStagedRow> b)
    {
        b.ToTable("health_data_import_staged_rows");
        b.HasKey(x => x.Id);
        b.Property(x => x.Payload).HasMaxLength(1000).IsRequired();
        b.HasIndex(x => new { x.ImportId, x.Line });
    }
}
