using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MiniCode.Features.Licences;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Platform.Licences;

/// <summary>
/// The e-licence gateway (电子证照共享服务) over its JSON wire: <c>POST {BaseUrl}authorisations</c>, signed
/// (<see cref="LicenceGatewaySignature"/>), with the catalogue code, the holder's name and the SHA-256 of their ID number;
/// it answers <c>{code, message, licence}</c> with <c>code</c> <c>OK</c>, <c>NOT_FOUND</c> or <c>HOLDER_MISMATCH</c>.
/// Any other code, a non-200 status (503 while it is down), a timeout or an unreadable answer is 503
/// <c>licences.issuer_unavailable</c> with Retry-After.
/// </summary>
public sealed class LicenceGatewayClient(HttpClient http, IOptions<LicenceOptions> options, TimeProvider time, ILogger<LicenceGatewayClient> logger)
    : ILicenceIssuer
{
    public const string HttpClientName = "licence-gateway";
    public const string AuthorisePath = "authorisations";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public sealed record AuthoriseBody(string RequestId, string CatalogueCode, string HolderName, string IdNumberSha256);
    public sealed record LicenceNode(string? LicenceNumber, string? HolderName, string? Issuer, string? ValidFrom, string? ValidTo, string? FaceImageRef);
    public sealed record AuthoriseAnswer(string? Code, string? Message, LicenceNode? Licence);

    private LicenceIssuerOptions O => options.Value.Issuer;

    public async Task<LicenceAuthorisation> AuthoriseAsync(LicenceAuthorisationRequest request, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new AuthoriseBody(Guid.NewGuid().ToString("N"), request.CatalogueCode, request.HolderName,
            LicenceGatewaySignature.IdNumberDigest(request.IdNumber)), Json);
        using var message = LicenceGatewaySignature.SignedPost(new Uri(http.BaseAddress!, AuthorisePath), O.AppKey, O.AppSecret,
            time.GetUtcNow().ToUnixTimeSeconds(), body);
        var failures = new PlatformFailures(LicencesErrors.IssuerUnavailable, LicencesErrors.IssuerUnavailable, O.RetryAfterSeconds);
        var (bytes, _) = await PlatformHttp.SendAsync(http, message, failures, ct);
        AuthoriseAnswer? answer;
        try { answer = JsonSerializer.Deserialize<AuthoriseAnswer>(bytes, Json); }
        catch (JsonException) { throw failures.Raise(LicencesErrors.IssuerUnavailable, "无法解析证照服务响应"); }
        switch (answer?.Code)
        {
            case "OK" when Parse(answer.Licence) is { } licence: return new LicenceAuthorisation(LicenceAuthorisationOutcome.Issued, licence);
            case "NOT_FOUND": return LicenceAuthorisation.NotFound;
            case "HOLDER_MISMATCH": return LicenceAuthorisation.HolderMismatch;
            default:
                // BAD_SIGNATURE, UNKNOWN_CATALOGUE, …: our configuration or theirs; the citizen can only try later.
                logger.LogError("The e-licence gateway answered {Code}: {Message}", answer?.Code, answer?.Message);
                throw failures.Raise(LicencesErrors.IssuerUnavailable, $"证照服务返回 {answer?.Code}");
        }
    }

    private static IssuedLicence? Parse(LicenceNode? n)
    {
        if (n is not { LicenceNumber.Length: > 0, HolderName.Length: > 0, Issuer.Length: > 0 } || !TryDate(n.ValidFrom, out var from)) return null;
        DateOnly? to = null;
        if (n.ValidTo is { Length: > 0 } text)
        {
            if (!TryDate(text, out var end)) return null;
            to = end;
        }
        return new IssuedLicence(n.LicenceNumber!, n.HolderName!, n.Issuer!, from, to, string.IsNullOrEmpty(n.FaceImageRef) ? null : n.FaceImageRef);
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
