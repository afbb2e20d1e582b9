using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Data;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Identity;

/// <summary>One successful face verification of a person (亮码前人脸核验); the health-code face gate reads the latest.</summary>
public sealed class FaceVerification
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    /// <summary>"face-check" (before showing a code) or "real-name".</summary>
    public string Purpose { get; set; } = "";
    public DateTimeOffset VerifiedAt { get; set; }
}

internal sealed class FaceVerificationConfiguration : IEntityTypeConfiguration<FaceVerification>
{
    public void Configure(EntityTypeBuilder<FaceVerification> b)
    {
        b.ToTable("face_verifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Purpose).HasMaxLength(20).IsRequired();
        b.HasIndex(x => new { x.PersonId, x.VerifiedAt });
    }
}

public sealed record FaceCheckRequest(string? VerificationToken) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v.Required(VerificationToken, "verificationToken", "人脸核验凭证", 512);
}

public sealed record FaceCheckResult(DateTimeOffset VerifiedAt);

/// <summary>Verifies the logged-in person's face through <see cref="IFaceVerifier"/> and records the success.</summary>
public sealed class FaceCheckService(MiniCodeDbContext db, IFaceVerifier faces, PersonalDataProtector protector, TimeProvider time)
{
    public const string FaceCheckPurpose = "face-check";

    public async Task<FaceCheckResult> VerifyAsync(long personId, string token, CancellationToken ct)
    {
        var person = await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId && p.AnonymisedAt == null)
            .Select(p => new { p.Name, p.DocumentCipher }).FirstOrDefaultAsync(ct) ?? throw new ApiException(Sessions.SessionErrors.RealNameRequired);
        var verdict = await faces.VerifyAsync(person.Name, protector.Decrypt(person.DocumentCipher), token, ct);
        if (verdict == FaceVerdict.Unavailable) throw new ApiException(IdentityErrors.FaceUnavailable) { RetryAfterSeconds = 30 };
        if (verdict != FaceVerdict.Match) throw new ApiException(IdentityErrors.FaceMismatch);
        var now = time.GetUtcNow();
        db.Add(new FaceVerification { PersonId = personId, Purpose = FaceCheckPurpose, VerifiedAt = now });
        await db.SaveChangesAsync(ct);
        return new FaceCheckResult(now);
    }
}

/// <summary>The health codes' view of face verifications: the latest success of a person.</summary>
public sealed class StoredFaceVerificationHistory(IServiceScopeFactory scopes) : IFaceVerificationHistory
{
    public async Task<DateTimeOffset?> LastVerifiedAtAsync(long personId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var times = await db.Set<FaceVerification>().AsNoTracking().Where(f => f.PersonId == personId)
            .OrderByDescending(f => f.Id).Select(f => f.VerifiedAt).Take(1).ToListAsync(cancellationToken);
        return times.Count == 0 ? null : times[0];
    }
}
