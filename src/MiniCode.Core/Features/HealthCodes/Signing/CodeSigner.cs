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
        // On the stack: the text and the claims are the only allocations of a signature.
        Span<byte> payload = stackalloc byte[CodePayload.TotalLength];
        var signed = payload[..CodePayload.SignedLength];
        var signature = payload[CodePayload.SignedLength..];
        CodePayload.WriteSigned(claims, signed);
        if (!key.Key.TrySignData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written)
            || written != CodePayload.SignatureLength)
            throw new CryptographicException("An ES256 signature is 64 bytes.");
        EcdsaLowS.Normalise(signature);
        return (CodePayload.ToText(payload), claims);
    }

    public SignatureCheck Check(string? text, out CodeClaims? claims)
    {
        claims = null;
        Span<byte> payload = stackalloc byte[CodePayload.TotalLength];
        if (!CodePayload.TryRead(text, payload, out var parsed)) return SignatureCheck.Malformed;
        claims = parsed;
        var key = keys.Find(parsed.KeyId);
        if (key is null) return SignatureCheck.UnknownKey;
        var signed = payload[..CodePayload.SignedLength];
        var signature = payload[CodePayload.SignedLength..];
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
