namespace MiniCode.Features.Identity;

/// <summary>
/// The face verifier when neither a real provider nor the simulator is configured: it fails closed (503), so a deployment
/// without a certified provider cannot pass real-name checks with simulator tokens.
/// </summary>
public sealed class UnconfiguredFaceVerifier : IFaceVerifier
{
    public Task<FaceVerdict> VerifyAsync(string name, string documentNumber, string verificationToken, CancellationToken ct = default) =>
        Task.FromResult(FaceVerdict.Unavailable);
}
