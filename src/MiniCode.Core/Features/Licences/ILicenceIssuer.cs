namespace MiniCode.Features.Licences;

/// <summary>
/// Who confirms that a licence exists and belongs to a person: the e-licence gateway (电子证照共享服务,
/// <c>Platform/Licences/LicenceGatewayClient</c>), or a province's own issuer replacing it (<c>services.Replace</c>).
/// Unavailability is thrown as 503 <c>licences.issuer_unavailable</c> with Retry-After; never a result.
/// </summary>
public interface ILicenceIssuer
{
    Task<LicenceAuthorisation> AuthoriseAsync(LicenceAuthorisationRequest request, CancellationToken ct);
}

/// <param name="CatalogueCode">The licence type on the wire (证照目录编码).</param>
/// <param name="HolderName">The real-named person's name.</param>
/// <param name="IdNumber">Their resident ID number (sent blind: only its SHA-256 leaves the host).</param>
public sealed record LicenceAuthorisationRequest(string CatalogueCode, string HolderName, string IdNumber);

public enum LicenceAuthorisationOutcome
{
    Issued,
    /// <summary>No licence of that type for that ID number.</summary>
    NotFound,
    /// <summary>A licence exists for the ID number, but under another name.</summary>
    HolderMismatch,
}

public sealed record IssuedLicence(string LicenceNumber, string HolderName, string Issuer, DateOnly ValidFrom, DateOnly? ValidTo, string? FaceImageRef);

public sealed record LicenceAuthorisation(LicenceAuthorisationOutcome Outcome, IssuedLicence? Licence)
{
    public static readonly LicenceAuthorisation NotFound = new(LicenceAuthorisationOutcome.NotFound, null);
    public static readonly LicenceAuthorisation HolderMismatch = new(LicenceAuthorisationOutcome.HolderMismatch, null);
}
