using System.Security.Cryptography;
using MiniCode.Features.HealthCodes.Engine;

namespace MiniCode.Features.HealthCodes.Signing;

public enum SignatureCheck
{
    Valid,
    Malformed,
    UnknownKey,
    BadSignature,
}

/// <summary>制码 and the cryptographic half of 验码 for every code type (live codes, offline cards, posters).</summary>
public sealed class CodeSigner(SigningKeyRing keys)
{
    /// <summary>Signs a code valid from <paramref name="issuedAt"/> for <paramref name="lifetime"/>, capped at the key's last day.</summary>
    public (string Text, CodeClaims Claims) Sign(CodeType type, long subjectId, HealthColor? color, DateTimeOffset issuedAt, TimeSpan lifetime)
    {
        var key = keys.Active;
        var issued = DateTimeOffset.FromUnixTimeSeconds(issuedAt.ToUnixTimeSeconds());
        var expires = issued + lifetime;
        if (key.NotAfter is { } notAfter && expires > notAfter) expires = notAfter;
        if (expires <= issued) throw new InvalidOperationException("The active code-signing key is past its last day; rotate it.");
        var claims = new CodeClaims(type, key.KeyId, checked((ulong)subjectId), color, issued, expires);
        var signed = CodePayload.EncodeSigned(claims);
        var signature = key.Key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        EcdsaLowS.Normalise(signature);
        return (CodePayload.ToText(signed, signature), claims);
    }

    public SignatureCheck Check(string? text, out CodeClaims? claims)
    {
        claims = null;
        if (!CodePayload.TryParse(text, out var parsed, out var signed, out var signature)) return SignatureCheck.Malformed;
        claims = parsed;
        var key = keys.Find(parsed.KeyId);
        if (key is null) return SignatureCheck.UnknownKey;
        // A high s is the malleable twin of a valid signature (EcdsaLowS): never accepted, so one code has one text.
        if (!EcdsaLowS.IsLowS(signature)) return SignatureCheck.BadSignature;
        return key.Key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? SignatureCheck.Valid : SignatureCheck.BadSignature;
    }
}

/// <summary>The public keys as a JSON Web Key Set (RFC 7517/7518, kty EC, crv P-256, alg ES256).</summary>
public static class Jwks
{
    public sealed record JsonWebKey(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg);
    public sealed record JsonWebKeySet(IReadOnlyList<JsonWebKey> Keys);

    public static JsonWebKeySet From(SigningKeyRing ring) => new(ring.All.OrderBy(k => k.KeyId).Select(k =>
    {
        var p = k.Key.ExportParameters(false);
        return new JsonWebKey("EC", "P-256", Base64Url.Encode(p.Q.X), Base64Url.Encode(p.Q.Y), CodePayload.KeyIdText(k.KeyId), "sig", "ES256");
    }).ToList());
}
