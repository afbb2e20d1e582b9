using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.Identity.Face;

/// <summary>
/// One provider result reference (its SHA-256, never the reference itself): minted at start for Alipay certify_id and
/// FaceID BizToken (bound to the account, purpose and document), or recorded when a WeChat verify_result is used.
/// <see cref="UsedAt"/> makes every result usable once; the unique hash makes it so across nodes.
/// </summary>
public sealed class FaceSession
{
    public long Id { get; set; }
    public string ReferenceHash { get; set; } = "";
    public string Provider { get; set; } = "";
    public string Purpose { get; set; } = "";
    public long AccountId { get; set; }
    /// <summary>Blind index of the document the face was claimed for.</summary>
    public string DocumentIndex { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class FaceSessionConfiguration : IEntityTypeConfiguration<FaceSession>
{
    public void Configure(EntityTypeBuilder<FaceSession> b)
    {
        b.ToTable("face_sessions");
        b.HasKey(x => x.Id);
        b.Property(x => x.ReferenceHash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.ReferenceHash).IsUnique();
        b.Property(x => x.Provider).HasMaxLength(20).IsRequired();
        b.Property(x => x.Purpose).HasMaxLength(20).IsRequired();
        b.Property(x => x.DocumentIndex).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.AccountId);
    }
}

/// <summary>
/// Account deletion: sessions never used are deleted; used ones lose the document's blind index and keep only the
/// reference hash, so a result stays used after the account is gone.
/// </summary>
internal sealed class FaceSessionDeletion(Data.MiniCodeDbContext db) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct)
    {
        await db.Set<FaceSession>().Where(s => s.AccountId == accountId && s.UsedAt == null).ExecuteDeleteAsync(ct);
        await db.Set<FaceSession>().Where(s => s.AccountId == accountId).ExecuteUpdateAsync(u => u.SetProperty(s => s.DocumentIndex, ""), ct);
    }
}
