namespace MiniCode.Features.HealthCodes;

/// <summary>
/// When the last successful face verification of a person happened. The identity feature (real name / face
/// verification through its IFaceVerifier) registers its implementation; the default knows none.
/// </summary>
public interface IFaceVerificationHistory
{
    Task<DateTimeOffset?> LastVerifiedAtAsync(long personId, CancellationToken cancellationToken);
}

internal sealed class NoFaceVerifications : IFaceVerificationHistory
{
    public Task<DateTimeOffset?> LastVerifiedAtAsync(long personId, CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);
}

/// <summary>Decides whether a code may be shown now: always when the face check is off, otherwise after a recent face verification.</summary>
public interface IFaceCheckGate
{
    Task<bool> AllowsAsync(long personId, CancellationToken cancellationToken);
}

internal sealed class FaceCheckGate(IOptions<FaceCheckOptions> options, IFaceVerificationHistory history, TimeProvider time) : IFaceCheckGate
{
    public async Task<bool> AllowsAsync(long personId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Required) return true;
        var last = await history.LastVerifiedAtAsync(personId, cancellationToken);
        return last is { } at && time.GetUtcNow() - at <= TimeSpan.FromMinutes(o.MaxAgeMinutes);
    }
}
