using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Data;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Cluster;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Identity;

/// <summary>One successful face verification of a person (亮码前人脸核验); the health-code face gate reads the latest.
/// Every write drops the person's cached checks on every node (<see cref="StoredFaceVerificationHistory"/>).</summary>
public sealed class FaceVerification : IClusterSignalled
{
    public IEnumerable<ClusterSignal> ClusterSignals() => ClusterSignal.For(ClusterTopics.FaceChecks, PersonId);

    public long Id { get; set; }
    public long PersonId { get; set; }
    /// <summary>"face-check" (before showing a code) or "real-name".</summary>
    public string Purpose { get; set; } = "";
    public DateTimeOffset VerifiedAt { get; set; }
    /// <summary>The login session the check was made in (a face check per 亮码 session); null for real-name checks.</summary>
    public long? SessionId { get; set; }
    /// <summary>Set when a showing used the check up (<c>FaceCheck:Interval = EveryShowing</c>).</summary>
    public DateTimeOffset? UsedAt { get; set; }
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

/// <summary>Verifies the logged-in person's face through <see cref="Face.FaceVerificationService"/> and records the success.</summary>
public sealed class FaceCheckService(MiniCodeDbContext db, Face.FaceVerificationService faces, PersonalDataProtector protector, TimeProvider time)
{
    public const string FaceCheckPurpose = "face-check";

    public async Task<FaceCheckResult> VerifyAsync(long accountId, long sessionId, long personId, string token, CancellationToken ct)
    {
        var subject = await SubjectAsync(db, protector, personId, ct);
        await faces.VerifyAsync(accountId, Face.FacePurposes.FaceCheck, subject, token, ct);
        var now = time.GetUtcNow();
        db.Add(new FaceVerification { PersonId = personId, Purpose = FaceCheckPurpose, VerifiedAt = now, SessionId = sessionId });
        await db.SaveChangesAsync(ct);
        return new FaceCheckResult(now);
    }

    /// <summary>The name and document of a real-named person, whose face is to be verified.</summary>
    public static async Task<Face.FaceSubject> SubjectAsync(MiniCodeDbContext db, PersonalDataProtector protector, long personId, CancellationToken ct)
    {
        var person = await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId && p.AnonymisedAt == null)
            .Select(p => new { p.Name, p.DocumentType, p.DocumentCipher }).FirstOrDefaultAsync(ct)
            ?? throw new ApiException(Sessions.SessionErrors.RealNameRequired);
        return new Face.FaceSubject(person.Name, person.DocumentType, protector.Decrypt(person.DocumentCipher));
    }
}

/// <summary>
/// The health codes' view of face verifications: the latest success of a person (per login session or overall), cached
/// in process and dropped on every node by <see cref="ClusterTopics.FaceChecks"/> (a new check, deletion); and using
/// one up, always in the database.
/// </summary>
public sealed class StoredFaceVerificationHistory(IServiceScopeFactory scopes, TimeProvider time, IClusterSignals signals, IOptions<CacheOptions> options)
    : IFaceVerificationHistory, IDisposable
{
    // A box, so that "no check yet" is cached too (a refusal is re-read anyway).
    private sealed record Latest(FaceVerificationFact? Fact);

    private readonly SignalledCache<(long PersonId, long? SessionId), Latest> _latest = new(signals, time, ClusterTopics.FaceChecks,
        TimeSpan.FromSeconds(options.Value.SessionSeconds), options.Value.MaxEntries,
        (key, _) => key.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async ValueTask<FaceVerificationFact?> LatestAsync(long personId, long? sessionId, bool reread, CancellationToken cancellationToken)
    {
        if (reread) _latest.Invalidate((personId, sessionId));
        return (await _latest.GetAsync((personId, sessionId), scopes, static async (key, scopes, ct) => new Latest(await LoadAsync(scopes, key.PersonId, key.SessionId, ct)),
            cancellationToken)).Fact;
    }

    private static async Task<FaceVerificationFact?> LoadAsync(IServiceScopeFactory scopes, long personId, long? sessionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var latest = await db.Set<FaceVerification>().AsNoTracking()
            .Where(f => f.PersonId == personId && (sessionId == null || f.SessionId == sessionId))
            .OrderByDescending(f => f.Id).Select(f => new FaceVerificationFact(f.Id, f.VerifiedAt, f.SessionId, f.UsedAt != null)).Take(1).ToListAsync(cancellationToken);
        return latest.Count == 0 ? null : latest[0];
    }

    /// <summary>One conditional update, so two showings racing for the same check cannot both use it. The cached fact still
    /// says "unused" afterwards: the next showing's update then fails and the gate re-reads before refusing.</summary>
    public async Task<bool> UseAsync(long verificationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var now = time.GetUtcNow();
        return await db.Set<FaceVerification>().Where(f => f.Id == verificationId && f.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.UsedAt, now), cancellationToken) == 1;
    }

    public void Dispose() => _latest.Dispose();
}
