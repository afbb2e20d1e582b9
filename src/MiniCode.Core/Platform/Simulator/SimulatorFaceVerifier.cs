using MiniCode.Features.Identity.Face;

namespace MiniCode.Platform.Simulator;

/// <summary>
/// Face verification of the embedded default (<c>Identity:Face:Provider</c> = Simulator, Development and Testing only):
/// any <c>sim:</c> token matches, <c>sim-busy</c> is an unavailable provider, anything else is a mismatch. Starting a
/// session needs nothing; the mini program then sends <c>sim:pass</c>.
/// </summary>
public sealed class SimulatorFaceVerifier : IFaceVerifier
{
    public Task<FaceStart> StartAsync(FaceCaller caller, FaceSubject subject, string outerOrderNo, CancellationToken ct = default) =>
        Task.FromResult(new FaceStart(FaceResult.Simulator));

    public Task<FaceResult> CheckAsync(FaceCaller caller, FaceSubject subject, string reference, CancellationToken ct = default) =>
        Task.FromResult(new FaceResult(reference switch
        {
            _ when reference.StartsWith(SimulatorCodes.Busy, StringComparison.Ordinal) || reference == "sim-busy" => FaceVerdict.Unavailable,
            _ when reference.StartsWith(SimulatorCodes.Success, StringComparison.Ordinal) => FaceVerdict.Match,
            _ => FaceVerdict.Mismatch,
        }, FaceResult.Simulator));
}
