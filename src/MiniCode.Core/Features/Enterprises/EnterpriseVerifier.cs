namespace MiniCode.Features.Enterprises;

/// <summary>Who claims what: the enterprise (name + credit code) and the person's role in it, with their real name and ID number.</summary>
public sealed record EnterpriseClaim(string CreditCode, string EnterpriseName, EnterpriseRole Role, string PersonName, string PersonIdNumber);

public enum EnterpriseVerdict
{
    /// <summary>The enterprise exists under this name and the person holds the role (legal representative, or insured staff).</summary>
    Match,
    /// <summary>The name does not fit the code, or the person does not hold the role.</summary>
    Mismatch,
    /// <summary>No enterprise with this credit code, or it is deregistered.</summary>
    NotFound,
}

/// <param name="EnterpriseName">The registered name (as the registry spells it), on a match.</param>
/// <param name="RegionCode">The registered region (GB/T 2260), on a match; null when the registry gives none.</param>
public sealed record EnterpriseVerification(EnterpriseVerdict Verdict, string? EnterpriseName, string? RegionCode);

/// <summary>
/// The proof step of 企业绑定: the enterprise registry confirms the enterprise and the person's role. A registry that
/// cannot answer throws an <see cref="Infrastructure.Errors.ApiException"/> 503 <c>enterprises.registry_unavailable</c> with Retry-After.
/// </summary>
public interface IEnterpriseVerifier
{
    Task<EnterpriseVerification> VerifyAsync(EnterpriseClaim claim, CancellationToken ct);
}
