using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MiniCode.Features.Enterprises;
using MiniCode.Platform.EnterpriseRegistry;

namespace MiniCode.Platform.Simulator;

/// <summary>
/// What the simulated enterprise registry knows: enterprises with their legal representative and insured staff (by ID
/// number), registered through <c>POST /simulator/enterprise/simulator/enterprises</c>, and an outage switch
/// (<c>POST /simulator/enterprise/simulator/outage?calls=N&amp;retryAfter=S</c>: the next N calls answer 503 with Retry-After).
/// </summary>
public sealed class EnterpriseRegistryState
{
    public sealed record Person(string Name, string IdNumber);
    public sealed record Registered(string CreditCode, string Name, string RegionCode, Person LegalRepresentative, IReadOnlyList<Person> Staff);

    public ConcurrentDictionary<string, Registered> Enterprises { get; } = new(StringComparer.Ordinal);
    public Outage Outage { get; } = new();
    public int OutageRetryAfterSeconds { get; set; } = 7;
}

/// <summary>The registry's <see cref="EnterpriseRegistryWire"/> at <c>/simulator/enterprise/v1/verifications</c>, with its signature and timestamp checks.</summary>
internal static class EnterpriseSimulator
{
    public static void Map(IEndpointRouteBuilder sim)
    {
        var g = sim.MapGroup("/enterprise");
        g.MapPost(EnterpriseRegistryWire.Path, Verify);
        g.MapPost("/simulator/enterprises", (EnterpriseRegistryState.Registered e, EnterpriseRegistryState s) =>
        {
            s.Enterprises[e.CreditCode.ToUpperInvariant()] = e with { CreditCode = e.CreditCode.ToUpperInvariant() };
            return Results.NoContent();
        });
        g.MapPost("/simulator/outage", (int? calls, int? retryAfter, EnterpriseRegistryState s) =>
        {
            s.OutageRetryAfterSeconds = retryAfter ?? 7;
            s.Outage.Start(calls ?? 1);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> Verify(HttpRequest request, EnterpriseRegistryState s, IOptions<EnterprisesOptions> options, TimeProvider time)
    {
        var o = options.Value.Registry;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var body = buffer.ToArray();
        string Header(string name) => request.Headers[name].ToString();
        var expected = EnterpriseRegistryWire.Signature(o.AppSecret, Header("X-Timestamp"), Header("X-Nonce"), body);
        if (Header("X-App-Id") != o.AppId || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Header("X-Signature"))))
            return Refused(40001, "signature invalid");
        if (!long.TryParse(Header("X-Timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var ts)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - ts) > EnterpriseRegistryWire.TimestampToleranceSeconds)
            return Refused(40002, "timestamp expired");
        if (s.Outage.Take())
        {
            request.HttpContext.Response.Headers.RetryAfter = s.OutageRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Json(new { code = 50300, message = "service busy" }, EnterpriseRegistryWire.Json, statusCode: 503);
        }
        EnterpriseRegistryWire.VerifyRequest? call;
        try { call = JsonSerializer.Deserialize<EnterpriseRegistryWire.VerifyRequest>(body, EnterpriseRegistryWire.Json); }
        catch (JsonException) { call = null; }
        if (call is not { CreditCode.Length: > 0, EnterpriseName.Length: > 0, PersonName.Length: > 0, PersonIdNumber.Length: > 0 }
            || call.Role is not (EnterpriseRegistryWire.RoleLegalRepresentative or EnterpriseRegistryWire.RoleStaff))
            return Refused(40003, "invalid parameters");

        if (!s.Enterprises.TryGetValue(call.CreditCode.ToUpperInvariant(), out var e)) return Answer(new("not_found", null, null, null));
        bool Is(EnterpriseRegistryState.Person p) => p.Name == call.PersonName && string.Equals(p.IdNumber, call.PersonIdNumber, StringComparison.OrdinalIgnoreCase);
        var holdsRole = call.Role == EnterpriseRegistryWire.RoleLegalRepresentative ? Is(e.LegalRepresentative) : e.Staff.Any(Is) || Is(e.LegalRepresentative);
        return e.Name == call.EnterpriseName.Trim() && holdsRole
            ? Answer(new("match", e.Name, e.RegionCode, "active"))
            : Answer(new("mismatch", null, null, null));
    }

    private static IResult Answer(EnterpriseRegistryWire.VerifyResult result) =>
        Results.Json(new EnterpriseRegistryWire.VerifyResponse(0, "ok", Guid.NewGuid().ToString("N"), result), EnterpriseRegistryWire.Json);

    private static IResult Refused(int code, string message) =>
        Results.Json(new EnterpriseRegistryWire.VerifyResponse(code, message, Guid.NewGuid().ToString("N"), null), EnterpriseRegistryWire.Json);
}
