using MiniCode.Features.Identity;

namespace MiniCode.Platform.Simulator;

/// <summary>
/// Face verification of the embedded default: token <c>sim:pass</c> (or any <c>sim:</c> token) matches,
/// <c>sim-mismatch</c> does not, <c>sim-busy</c> is an unavailable provider; anything else is a mismatch.
/// </summary>
public sealed class SimulatorFaceVerifier : IFaceVerifier
{
    public Task<FaceVerdict> VerifyAsync(string name, string documentNumber, string verificationToken, CancellationToken ct = default) =>
        Task.FromResult(verificationToken switch
        {
            _ when verificationToken.StartsWith(SimulatorCodes.Busy, StringComparison.Ordinal) || verificationToken == "sim-busy" => FaceVerdict.Unavailable,
            _ when verificationToken.StartsWith(SimulatorCodes.Success, StringComparison.Ordinal) => FaceVerdict.Match,
            _ => FaceVerdict.Mismatch,
        });
}
