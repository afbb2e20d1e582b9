namespace MiniCode.Features.Identity;

public enum FaceVerdict { Match, Mismatch, Unavailable }

/// <summary>
/// Liveness + face comparison against the document holder (a certified provider in production, e.g. the platform's
/// real-person authentication). The mini program captures the face and passes the provider's verification token.
/// </summary>
public interface IFaceVerifier
{
    Task<FaceVerdict> VerifyAsync(string name, string documentNumber, string verificationToken, CancellationToken ct = default);
}
