using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MiniCode.Features.Enterprises;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Platform.EnterpriseRegistry;

/// <summary>
/// The real client of <see cref="EnterpriseRegistryWire"/>: signs the call, maps the verdict, and turns an unavailable
/// registry (503/429 with its Retry-After, timeouts, refused connections, unreadable answers, a refused signature) into
/// 503 <c>enterprises.registry_unavailable</c> with Retry-After: our configuration or their trouble, never the citizen's input.
/// </summary>
public sealed class EnterpriseRegistryClient(HttpClient http, IOptions<EnterprisesOptions> options, TimeProvider time,
    ILogger<EnterpriseRegistryClient> logger) : IEnterpriseVerifier
{
    public const string HttpClientName = "enterprise-registry";

    private EnterpriseRegistryOptions O => options.Value.Registry;

    public async Task<EnterpriseVerification> VerifyAsync(EnterpriseClaim claim, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new EnterpriseRegistryWire.VerifyRequest(claim.CreditCode, claim.EnterpriseName,
            claim.Role == EnterpriseRole.LegalRepresentative ? EnterpriseRegistryWire.RoleLegalRepresentative : EnterpriseRegistryWire.RoleStaff,
            claim.PersonName, claim.PersonIdNumber), EnterpriseRegistryWire.Json);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = EnterpriseRegistryWire.NewNonce();
        using var request = new HttpRequestMessage(HttpMethod.Post, EnterpriseRegistryWire.Path.TrimStart('/')) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-App-Id", O.AppId);
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Nonce", nonce);
        request.Headers.Add("X-Signature", EnterpriseRegistryWire.Signature(O.AppSecret, timestamp, nonce, body));

        EnterpriseRegistryWire.VerifyResponse? answer;
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
                throw Unavailable(RetryAfter(response.Headers.RetryAfter));
            if (response.StatusCode != HttpStatusCode.OK) throw Unavailable(null, $"HTTP {(int)response.StatusCode}");
            answer = await response.Content.ReadFromJsonAsync<EnterpriseRegistryWire.VerifyResponse>(EnterpriseRegistryWire.Json, ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { throw Unavailable(null, "timeout"); }
        catch (HttpRequestException) { throw Unavailable(null, "unreachable"); }
        catch (JsonException) { throw Unavailable(null, "unreadable answer"); }

        if (answer is not { Code: 0, Result: { } result })
        {
            logger.LogWarning("Enterprise registry refused the call: {Code} {Message}", answer?.Code, answer?.Message);
            throw Unavailable(null, $"registry code {answer?.Code}");
        }
        return result.Verdict switch
        {
            "match" => new EnterpriseVerification(EnterpriseVerdict.Match, result.EnterpriseName, result.RegionCode),
            "mismatch" => new EnterpriseVerification(EnterpriseVerdict.Mismatch, null, null),
            "not_found" => new EnterpriseVerification(EnterpriseVerdict.NotFound, null, null),
            _ => throw Unavailable(null, "unknown verdict"),
        };
    }

    private int? RetryAfter(RetryConditionHeaderValue? value) =>
        value?.Delta is { } delta ? (int)Math.Ceiling(delta.TotalSeconds)
        : value?.Date is { } date ? Math.Max(1, (int)Math.Ceiling((date - time.GetUtcNow()).TotalSeconds)) : null;

    private ApiException Unavailable(int? retryAfter, string? detail = null) =>
        new(EnterprisesErrors.RegistryUnavailable, detail is null ? null : EnterprisesErrors.RegistryUnavailable.Message)
        { RetryAfterSeconds = Math.Clamp(retryAfter ?? O.RetryAfterSeconds, 1, 3600) };
}
