using System.Security.Cryptography;
using System.Text.Json;
using MiniCode.Features.HealthCodes.Signing;

namespace MiniCode.Features.CodeEngine;

/// <summary>Reads an issuer's JWKS (RFC 7517): the EC P-256 keys with a <c>kid</c>; other keys are ignored.</summary>
public static class IssuerKeys
{
    /// <summary>The P-256 public keys by kid, or null with <paramref name="error"/> when the document is not a usable JWKS.</summary>
    public static IReadOnlyDictionary<string, ECParameters>? Parse(string? document, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(document)) { error = "没有密钥文档"; return null; }
        try
        {
            using var json = JsonDocument.Parse(document);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            {
                error = "不是 JWKS 文档（缺少 keys 数组）";
                return null;
            }
            var result = new Dictionary<string, ECParameters>(StringComparer.Ordinal);
            foreach (var key in keys.EnumerateArray())
            {
                if (key.ValueKind != JsonValueKind.Object || Text(key, "kty") != "EC" || Text(key, "crv") != "P-256" || Text(key, "kid") is not { Length: > 0 } kid) continue;
                if (Text(key, "alg") is { } alg && alg != "ES256") continue;
                if (!Base64Url.TryDecode(Text(key, "x") ?? "", out var x) || !Base64Url.TryDecode(Text(key, "y") ?? "", out var y) || x.Length != 32 || y.Length != 32) continue;
                var parameters = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } };
                try
                {
                    using var check = ECDsa.Create(parameters); // refuses a point off the curve
                    result[kid] = parameters;
                }
                catch (CryptographicException) { }
            }
            if (result.Count == 0) { error = "文档中没有可用的 ES256（P-256）密钥"; return null; }
            return result;
        }
        catch (JsonException) { error = "不是有效的 JSON"; return null; }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
