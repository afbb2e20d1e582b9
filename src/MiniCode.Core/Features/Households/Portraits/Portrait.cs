using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.Households.Portraits;

/// <summary>
/// The portrait photo of a person (self or relative): one row per person, pointing at the file in the
/// <see cref="IPortraitStore"/> by a random key. Identity data stays in <c>persons</c>; this table holds none.
/// </summary>
public sealed class Portrait : IClusterSignalled
{
    // Verify shows whether a portrait is enabled, from the cache of PortraitReferenceProvider.
    public IEnumerable<ClusterSignal> ClusterSignals() => ClusterSignal.For(ClusterTopics.People, PersonId);

    public long PersonId { get; set; }
    public string StorageKey { get; set; } = "";
    public string ContentType { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public int Length { get; set; }
    /// <summary>"upload" or "authority".</summary>
    public string Source { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    /// <summary>Increases with every new photo; portrait references name the version they were made for.</summary>
    public int Version { get; set; }
    /// <summary>Photo shown with the code (on) or code only (off).</summary>
    public bool Enabled { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
}

/// <summary>One capture or upload attempt, accepted or not; counted per person and calendar day.</summary>
public sealed class PortraitAttempt
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Source { get; set; } = "";
}

internal sealed class PortraitConfiguration : IEntityTypeConfiguration<Portrait>
{
    public void Configure(EntityTypeBuilder<Portrait> b)
    {
        b.ToTable("portraits");
        b.HasKey(x => x.PersonId);
        b.Property(x => x.PersonId).ValueGeneratedNever();
        b.Property(x => x.StorageKey).HasMaxLength(64).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(20).IsRequired();
        b.Property(x => x.Source).HasMaxLength(20).IsRequired();
        b.HasOne<Person>().WithOne().HasForeignKey<Portrait>(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PortraitAttemptConfiguration : IEntityTypeConfiguration<PortraitAttempt>
{
    public void Configure(EntityTypeBuilder<PortraitAttempt> b)
    {
        b.ToTable("portrait_attempts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Source).HasMaxLength(20).IsRequired();
        b.HasIndex(x => new { x.PersonId, x.At });
    }
}
