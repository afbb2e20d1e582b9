using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>
/// miniprogram-contracts/vectors/health-code-vectors.json, checked the way a third party would: the spec's byte layout
/// read by hand and plain <see cref="ECDsa"/> with the JWKS key, not the server's signing code.
/// </summary>
public sealed class PayloadVectorTests
{
    internal static string ContractsDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "miniprogram-contracts"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("miniprogram-contracts"), "miniprogram-contracts");
    }

    /// <summary>An independent verifier written from qr-payload.md: returns null when valid, otherwise the reason.</summary>
    internal static string? IndependentVerify(string payload, JsonElement jwks, DateTimeOffset now, out byte[] bytes)
    {
        bytes = [];
        if (!payload.StartsWith("MC1:", StringComparison.Ordinal) || payload.Length != 120) return "malformed";
        var b64 = payload[4..].Replace('-', '+').Replace('_', '/');
        if (b64.Any(c => c == '=')) return "malformed";
        try { bytes = Convert.FromBase64String(b64 + new string('=', (4 - b64.Length % 4) % 4)); } catch (FormatException) { return "malformed"; }
        if (bytes.Length != 87 || bytes[0] != 1 || bytes[1] is < 1 or > 7 || (bytes[14] > 3 && bytes[14] != 0xFF)) return "malformed";
        var iat = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(15));
        var exp = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(19));
        if (exp <= iat) return "malformed";
        var kid = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2)).ToString("x8");
        var jwk = jwks.GetProperty("keys").EnumerateArray().FirstOrDefault(k => k.GetProperty("kid").GetString() == kid);
        if (jwk.ValueKind == JsonValueKind.Undefined) return "unknown_key";
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = FromB64Url(jwk.GetProperty("x").GetString()!), Y = FromB64Url(jwk.GetProperty("y").GetString()!) },
        });
        if (!IsLowS(bytes.AsSpan(55)) || !key.VerifyData(bytes.AsSpan(0, 23), bytes.AsSpan(23), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            return "bad_signature";
        return now.ToUnixTimeSeconds() >= exp ? "expired" : null;
    }

    /// <summary>s ≤ n/2 (n the P-256 order), as qr-payload.md requires; written from the spec, not the server's EcdsaLowS.</summary>
    private static bool IsLowS(ReadOnlySpan<byte> s)
    {
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);
        return new System.Numerics.BigInteger(s, isUnsigned: true, isBigEndian: true) <= n / 2;
    }

    private static byte[] FromB64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b + new string('=', (4 - b.Length % 4) % 4));
    }

    /// <summary>The wire names of qr-payload.md's type table, by type byte.</summary>
    private static readonly string[] TypeNames = ["", "health_code", "offline_card", "poster", "licence", "enterprise", "authorisation", "appointment"];

    [Theory]
    [InlineData("health-code-vectors.json", 8)]
    [InlineData("subject-code-vectors.json", 14)]
    public void Every_vector_gives_its_expected_result(string file, int atLeast)
    {
        var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ContractsDir(), "vectors", file))).RootElement;
        var jwks = doc.GetProperty("jwks");
        var count = 0;
        foreach (var v in doc.GetProperty("vectors").EnumerateArray())
        {
            count++;
            var name = v.GetProperty("name").GetString();
            var expected = v.GetProperty("expected");
            var reason = IndependentVerify(v.GetProperty("payload").GetString()!, jwks, DateTimeOffset.Parse(v.GetProperty("now").GetString()!), out var bytes);
            if (!expected.GetProperty("valid").GetBoolean())
            {
                Assert.True(expected.GetProperty("reason").GetString() == reason, $"{name}: expected {expected.GetProperty("reason")}, got {reason}");
                continue;
            }
            Assert.True(reason is null, $"{name}: {reason}");
            Assert.Equal(v.GetProperty("signedBytesHex").GetString(), Convert.ToHexString(bytes, 0, 23).ToLowerInvariant());
            Assert.Equal(expected.GetProperty("type").GetString(), TypeNames[bytes[1]]);
            Assert.Equal(expected.GetProperty("keyId").GetString(), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2)).ToString("x8"));
            Assert.Equal(expected.GetProperty("subjectId").GetUInt64(), BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(6)));
            Assert.Equal(expected.GetProperty("issuedAt").GetUInt32(), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(15)));
            Assert.Equal(expected.GetProperty("expiresAt").GetUInt32(), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(19)));
            var color = expected.GetProperty("color");
            Assert.Equal(color.ValueKind == JsonValueKind.Null ? 0xFF : Array.IndexOf(["green", "yellow", "orange", "red"], color.GetString()), bytes[14]);
        }
        Assert.True(count >= atLeast);
    }

    [Theory]
    [InlineData("health-code-vectors.json")]
    [InlineData("subject-code-vectors.json")]
    public void The_server_reads_the_vectors_the_same_way(string file)
    {
        // The server's parser must agree with the spec on the valid vectors' claims (the signature check needs its own
        // keys) and refuse the malformed ones.
        var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ContractsDir(), "vectors", file))).RootElement;
        foreach (var v in doc.GetProperty("vectors").EnumerateArray())
        {
            var expected = v.GetProperty("expected");
            var parsed = MiniCode.Features.HealthCodes.Signing.CodePayload.TryParse(v.GetProperty("payload").GetString(), out var claims, out _, out _);
            if (!expected.GetProperty("valid").GetBoolean())
            {
                Assert.True(parsed == (expected.GetProperty("reason").GetString() != "malformed"), v.GetProperty("name").GetString());
                continue;
            }
            Assert.True(parsed);
            Assert.Equal(expected.GetProperty("type").GetString(), MiniCode.Features.HealthCodes.Signing.CodeTypeNames.WireName(claims.Type));
            Assert.Equal(expected.GetProperty("subjectId").GetUInt64(), claims.SubjectId);
            Assert.Equal(expected.GetProperty("keyId").GetString(), MiniCode.Features.HealthCodes.Signing.CodePayload.KeyIdText(claims.KeyId));
        }
    }
}
