using MiniCode.Infrastructure.Hosting;
namespace MiniCode.Features.HealthCodes;

/// <summary>One successful face check of a person: when, in which login session, and whether a showing used it up.</summary>
public sealed record FaceVerificationFact(long Id, DateTimeOffset VerifiedAt, long? SessionId, bool Used);

/// <summary>
/// The face checks of a person. The identity feature (real name / face verification through its IFaceVerifier)
/// registers its implementation; the default knows none.
/// </summary>
public interface IFaceVerificationHistory
{
    /// <summary>The latest face check of the person, or the latest within one login session when <paramref name="sessionId"/> is given;
    /// from memory when warm, from the database when <paramref name="reread"/> (before a refusal is answered).</summary>
    ValueTask<FaceVerificationFact?> LatestAsync(long personId, long? sessionId, bool reread, CancellationToken cancellationToken);

    /// <summary>Marks a face check used by one showing (in the database, whatever is cached); false when another showing used it first.</summary>
    Task<bool> UseAsync(long verificationId, CancellationToken cancellationToken);
}

internal sealed class NoFaceVerifications : IFaceVerificationHistory
{
    public ValueTask<FaceVerificationFact?> LatestAsync(long personId, long? sessionId, bool reread, CancellationToken cancellationToken) => ValueTask.FromResult<FaceVerificationFact?>(null);
    public Task<bool> UseAsync(long verificationId, CancellationToken cancellationToken) => Task.FromResult(false);
}

/// <summary>Whose codes a holder may show without a face check: the households feature exempts relatives by age; the default none.</summary>
public interface IFaceCheckExemption
{
    Task<bool> IsExemptAsync(long holderPersonId, long personId, CancellationToken cancellationToken);
}

internal sealed class NoFaceCheckExemptions : IFaceCheckExemption
{
    public Task<bool> IsExemptAsync(long holderPersonId, long personId, CancellationToken cancellationToken) => Task.FromResult(false);
}

/// <summary>Who asks to show a code: the account's own person (the holder, whose face is checked) and the login session.</summary>
public sealed record CodeViewer(long HolderPersonId, long SessionId);

/// <summary>Decides whether a code may be shown now: always when the face check is off, otherwise after the holder's face check.</summary>
public interface IFaceCheckGate
{
    Task<bool> AllowsAsync(CodeViewer viewer, long personId, CancellationToken cancellationToken);
}

/// <summary>
/// The holder's face is checked, whoever's code is shown, and face-exempt relatives never need one. How long a check
/// lasts is <see cref="FaceCheckOptions.Interval"/>: the login session (一码通 default), a number of minutes, or one showing.
/// Warm, the latest check comes from memory (no database command, except the one write of using a check up per showing);
/// a refusal is decided again on the database's latest (a check just made on another node).
/// </summary>
internal sealed class FaceCheckGate(IOptions<FaceCheckOptions> options, IFaceVerificationHistory history, Deferred<IFaceCheckExemption> exemption, TimeProvider time) : IFaceCheckGate
{
    public async Task<bool> AllowsAsync(CodeViewer viewer, long personId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Required) return true;
        if (personId != viewer.HolderPersonId && await exemption.Value.IsExemptAsync(viewer.HolderPersonId, personId, cancellationToken)) return true;
        return await PassesAsync(viewer, o, reread: false, cancellationToken) || await PassesAsync(viewer, o, reread: true, cancellationToken);
    }

    private async Task<bool> PassesAsync(CodeViewer viewer, FaceCheckOptions o, bool reread, CancellationToken cancellationToken)
    {
        var sessionOnly = o.Interval is FaceCheckInterval.Session or FaceCheckInterval.EveryShowing;
        var last = await history.LatestAsync(viewer.HolderPersonId, sessionOnly ? viewer.SessionId : null, reread, cancellationToken);
        if (last is null || time.GetUtcNow() - last.VerifiedAt > TimeSpan.FromMinutes(o.MaxAgeMinutes)) return false;
        if (o.Interval != FaceCheckInterval.EveryShowing) return true;
        return !last.Used && await history.UseAsync(last.Id, cancellationToken);
    }
}

public static class CodeViewers
{
    /// <summary>The logged-in citizen as the viewer of a code: their own person and their session.</summary>
    public static CodeViewer CodeViewer(this System.Security.Claims.ClaimsPrincipal user) =>
        new(Sessions.SessionClaims.PersonIdOrThrow(user), Sessions.SessionClaims.SessionIdOf(user));
}
