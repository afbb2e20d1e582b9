using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MiniCode.Data;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Cluster;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.CodeEngine;

/// <summary>
/// 第三方码: verifies <c>prefix ‖ JWS compact</c> codes of registered issuers (qr-payload.md, "Third-party codes"):
/// header <c>alg</c> ES256 and <c>kid</c>, claims <c>sub</c>, <c>iat</c>, <c>exp</c> (Unix seconds). The order of
/// reasons is MC1's: malformed, unknown_key, bad_signature, expired, revoked (a disabled issuer). Issuers and their
/// parsed keys live in memory, re-read every <see cref="CodeEngineOptions.CacheSeconds"/> and on a cluster signal.
/// </summary>
public sealed class ThirdPartyCodeVerifier : IForeignCodeVerifier, IDisposable
{
    public const string IssuersTopic = "code-issuers";

    private readonly IServiceScopeFactory scopes;
    private readonly IOptions<CodeEngineOptions> options;
    private readonly TimeProvider time;
    private readonly IDisposable subscription;
    private volatile IssuerSnapshot? snapshot;

    public ThirdPartyCodeVerifier(IServiceScopeFactory scopes, IOptions<CodeEngineOptions> options, TimeProvider time, IClusterSignals signals)
    {
        this.scopes = scopes;
        this.options = options;
        this.time = time;
        subscription = signals.Subscribe(IssuersTopic, _ => snapshot = null);
    }

    public async Task<ForeignCodeResult?> VerifyAsync(string payload, CancellationToken cancellationToken)
    {
        var issuers = await SnapshotAsync(cancellationToken);
        var issuer = issuers.Issuers.FirstOrDefault(i => payload.StartsWith(i.Prefix, StringComparison.Ordinal));
        if (issuer is null) return null;
        var now = time.GetUtcNow();
        var found = issuer;
        ForeignCodeResult Fail(VerifyFailure reason, Claims? claims = null) =>
            new(false, reason, found.Category, found.Name, claims?.Subject, claims?.IssuedAt, claims?.ExpiresAt);

        var parts = payload[issuer.Prefix.Length..].Split('.');
        if (parts.Length != 3 || ReadHeader(parts[0]) is not { } kid || ReadClaims(parts[1]) is not { } claims
            || !Base64Url.TryDecode(parts[2], out var signature) || signature.Length != 64)
            return Fail(VerifyFailure.Malformed);
        if (issuer.KeySource == IssuerKeySource.Url && (issuer.FetchedAt is not { } fetched || now - fetched > options.Value.IssuerKeysStaleLimit))
            throw new ApiException(HealthCodeErrors.IssuerKeysUnavailable) { RetryAfterSeconds = 60 };
        if (!issuer.Keys.TryGetValue(kid, out var key)) return Fail(VerifyFailure.UnknownKey, claims);
        using (var ecdsa = ECDsa.Create(key))
        {
            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!ecdsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                return Fail(VerifyFailure.BadSignature, claims);
        }
        if (now >= claims.ExpiresAt) return Fail(VerifyFailure.Expired, claims);
        if (!issuer.Enabled) return Fail(VerifyFailure.Revoked, claims);
        return new ForeignCodeResult(true, null, issuer.Category, issuer.Name, claims.Subject, claims.IssuedAt, claims.ExpiresAt);
    }

    public void Dispose() => subscription.Dispose();

    private static string? ReadHeader(string part)
    {
        using var header = Json(part);
        if (header is null) return null;
        var root = header.RootElement;
        return Text(root, "alg") == "ES256" && Text(root, "kid") is { Length: > 0 and <= 100 } kid ? kid : null;
    }

    private static Claims? ReadClaims(string part)
    {
        using var body = Json(part);
        if (body is null) return null;
        var root = body.RootElement;
        if (Text(root, "sub") is not { Length: > 0 and <= 200 } sub || Seconds(root, "iat") is not { } iat || Seconds(root, "exp") is not { } exp || exp <= iat)
            return null;
        return new Claims(sub, DateTimeOffset.FromUnixTimeSeconds(iat), DateTimeOffset.FromUnixTimeSeconds(exp));
    }

    private static JsonDocument? Json(string part)
    {
        if (!Base64Url.TryDecode(part, out var bytes)) return null;
        try
        {
            var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
            return null;
        }
        catch (JsonException) { return null; }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Seconds(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var s) && s is > 0 and < 253402300800 ? s : null;

    private async Task<IssuerSnapshot> SnapshotAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (snapshot is { } s && s.LoadedAt.AddSeconds(options.Value.CacheSeconds) > now) return s;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var rows = await db.Set<CodeIssuer>().AsNoTracking().ToListAsync(ct);
        var issuers = rows.Select(r => new LiveIssuer(r.Name, r.Category, r.Prefix, r.KeySource, r.Enabled, r.KeysFetchedAt,
            IssuerKeys.Parse(r.JwksDocument, out _) ?? new Dictionary<string, ECParameters>())).ToList();
        return snapshot = new IssuerSnapshot(issuers, now);
    }

    private sealed record Claims(string Subject, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

    private sealed record LiveIssuer(string Name, string Category, string Prefix, IssuerKeySource KeySource, bool Enabled,
        DateTimeOffset? FetchedAt, IReadOnlyDictionary<string, ECParameters> Keys);

    private sealed record IssuerSnapshot(IReadOnlyList<LiveIssuer> Issuers, DateTimeOffset LoadedAt);
}
