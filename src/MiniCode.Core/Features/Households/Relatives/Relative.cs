using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.Households.Relatives;

/// <summary>Who agreed to the relative being added (PIPL: the person, or the guardian of a child).</summary>
public enum ConsentBy
{
    Relative,
    Guardian,
}

/// <summary>How the relative showed they agree to this holder seeing their data; <see cref="None"/> keeps it private.</summary>
public enum RelativeProof
{
    /// <summary>Not proven (a face-exempt child or elder): the holder sees only what they recorded themselves.</summary>
    None,
    /// <summary>The relative's own face verification.</summary>
    Face,
    /// <summary>An SMS code sent to the phone of an account of the relative.</summary>
    Sms,
}

/// <summary>
/// A relative (亲友) whose code a holder may show. The holder is a person, so every account of that person (WeChat,
/// Alipay, …) sees the same relatives. The holder's relatives occupy numbered slots
/// 1..MaxPerHolder with a unique index on (holder, slot): two parallel adds can never take the same slot, so the
/// limit holds under concurrency on every provider without locks. Every write drops the holder's cached links
/// (<see cref="RelativeLinks"/>) on every node.
/// </summary>
public sealed class Relative : IClusterSignalled
{
    public IEnumerable<ClusterSignal> ClusterSignals() => ClusterSignal.For(ClusterTopics.People, HolderPersonId);

    public long Id { get; set; }
    public long HolderPersonId { get; set; }
    public long PersonId { get; set; }
    public Person? Person { get; set; }
    public int Slot { get; set; }
    /// <summary>Free text the holder chose, e.g. 父亲, 女儿.</summary>
    public string? Relation { get; set; }
    public ConsentBy ConsentBy { get; set; }
    public DateTimeOffset ConsentAt { get; set; }
    /// <summary>False when the relative was exempt from face verification by age.</summary>
    public bool FaceVerified { get; set; }
    /// <summary>
    /// Unproven, the relative is private to this holder: check-ins, declarations, history, results and portrait of the
    /// person recorded by others (the person, other holders, the authority) stay invisible; the code itself is shown.
    /// </summary>
    public RelativeProof Proof { get; set; }
    public bool Shared => Proof != RelativeProof.None;
    public DateTimeOffset AddedAt { get; set; }
}

internal sealed class RelativeConfiguration : IEntityTypeConfiguration<Relative>
{
    public void Configure(EntityTypeBuilder<Relative> b)
    {
        b.ToTable("household_relatives");
        b.HasKey(x => x.Id);
        b.Property(x => x.Relation).HasMaxLength(20);
        b.Property(x => x.ConsentBy).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Proof).HasConversion<string>().HasMaxLength(10).HasDefaultValue(RelativeProof.None);
        b.Ignore(x => x.Shared);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.HolderPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.HolderPersonId, x.Slot }).IsUnique();
        b.HasIndex(x => new { x.HolderPersonId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}
