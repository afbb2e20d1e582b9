using MiniCode.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.HealthCodes.Engine;

/// <summary>
/// The current colour of one person (one row per person id, the future sharding key), with what showing and verifying a
/// code need without further queries: reasons, badge summaries, when to recompute, and which codes are revoked.
/// </summary>
public sealed class HealthStatus : IClusterSignalled
{
    public IEnumerable<ClusterSignal> ClusterSignals() => ClusterSignal.For(ClusterTopics.People, PersonId);

    public long PersonId { get; set; }
    public HealthColor Color { get; set; }
    /// <summary>Reason codes, comma separated (texts come from the rules).</summary>
    public string ReasonCodes { get; set; } = "";
    /// <summary>Reason texts joined with "；", as computed.</summary>
    public string ReasonTexts { get; set; } = "";
    public DateTimeOffset ComputedAt { get; set; }
    /// <summary>When time alone can change the colour; a read after this recomputes first.</summary>
    public DateTimeOffset? ReviewAt { get; set; }
    public DateTimeOffset? LatestNegativeSampleAt { get; set; }
    public VaccinationStatus Vaccination { get; set; }
    /// <summary>Codes (live, offline cards) issued before this instant are revoked: set when the colour worsens.</summary>
    public DateTimeOffset? RevokedBefore { get; set; }
}

/// <summary>One colour change: old, new, the cause (which input changed) and the actor. Kept for the history and audits.</summary>
public sealed class ColorChange
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public HealthColor? OldColor { get; set; }
    public HealthColor NewColor { get; set; }
    /// <summary>Stable cause name, e.g. "declaration", "import.risk_list", "checkpoint.temperature", "override", "time".</summary>
    public string Cause { get; set; } = "";
    /// <summary>"citizen:3", "authority:import-12", "staff:4", "system:recompute".</summary>
    public string Actor { get; set; } = "";
    public string ReasonCodes { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>The temperature the fever rule looked at, so the history says which reading turned the colour back.</summary>
    public decimal? TemperatureCelsius { get; set; }
    public TemperatureSource? TemperatureSource { get; set; }
    public DateTimeOffset? TemperatureMeasuredAt { get; set; }
}

/// <summary>A temperature measured at a checkpoint (the checkpoints feature records them through <see cref="HealthFactsRecorder"/>).</summary>
public sealed class TemperatureReading
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public decimal Celsius { get; set; }
    public DateTimeOffset MeasuredAt { get; set; }
    /// <summary>Who measured: "scanner:7", "site:12".</summary>
    public string Source { get; set; } = "";
}

internal sealed class HealthStatusConfiguration : IEntityTypeConfiguration<HealthStatus>
{
    public void Configure(EntityTypeBuilder<HealthStatus> b)
    {
        b.ToTable("health_statuses");
        b.HasKey(x => x.PersonId);
        b.Property(x => x.PersonId).ValueGeneratedNever();
        b.Property(x => x.Color).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Vaccination).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ReasonCodes).HasMaxLength(500);
        b.Property(x => x.ReasonTexts).HasMaxLength(1000);
        b.HasIndex(x => x.ReviewAt);
    }
}

internal sealed class ColorChangeConfiguration : IEntityTypeConfiguration<ColorChange>
{
    public void Configure(EntityTypeBuilder<ColorChange> b)
    {
        b.ToTable("color_changes");
        b.HasKey(x => x.Id);
        b.Property(x => x.OldColor).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.NewColor).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Cause).HasMaxLength(50).IsRequired();
        b.Property(x => x.Actor).HasMaxLength(100).IsRequired();
        b.Property(x => x.ReasonCodes).HasMaxLength(500);
        b.Property(x => x.TemperatureCelsius).HasPrecision(4, 1);
        b.Property(x => x.TemperatureSource).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.PersonId, x.At });
    }
}

internal sealed class TemperatureReadingConfiguration : IEntityTypeConfiguration<TemperatureReading>
{
    public void Configure(EntityTypeBuilder<TemperatureReading> b)
    {
        b.ToTable("temperature_readings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Celsius).HasPrecision(4, 1);
        b.Property(x => x.Source).HasMaxLength(100).IsRequired();
        b.HasIndex(x => new { x.PersonId, x.MeasuredAt });
    }
}
