namespace MiniCode.Features.Identity.Face;

/// <summary>
/// The face verifier when neither a real provider nor the simulator is configured: it fails closed (503), so a deployment
/// without a certified provider cannot pass real-name checks with simulator tokens.
/// </summary>
public sealed class UnconfiguredFaceVerifier : IFaceVerifier
{
    public Task<FaceStart> StartAsync(FaceCaller caller, FaceSubject subject, string outerOrderNo, CancellationToken ct = default) =>
        throw new Infrastructure.Errors.ApiException(IdentityErrors.FaceUnavailable) { RetryAfterSeconds = 30 };

    public Task<FaceResult> CheckAsync(FaceCaller caller, FaceSubject subject, string reference, CancellationToken ct = default) =>
        Task.FromResult(new FaceResult(FaceVerdict.Unavailable, "none"));
}
