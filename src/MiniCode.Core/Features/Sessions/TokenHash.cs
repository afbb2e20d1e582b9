using System.Buffers.Binary;
using System.Security.Cryptography;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Sessions;

/// <summary>
/// A session token's SHA-256, as the session cache's key: 32 bytes held inline, compared as four numbers, rather than
/// the 64-character hex string the database stores (<see cref="ToHex"/>), which a cached session would carry and
/// every request would format and compare.
/// </summary>
public readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D)
{
    public static TokenHash Of(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Utf8Sha256.Hash(token, hash);
        return new(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(hash[16..]), BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));
    }

    /// <summary>The stored form: lower-case hex of the 32 bytes.</summary>
    public string ToHex()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        BinaryPrimitives.WriteUInt64BigEndian(hash, A);
        BinaryPrimitives.WriteUInt64BigEndian(hash[8..], B);
        BinaryPrimitives.WriteUInt64BigEndian(hash[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(hash[24..], D);
        return Convert.ToHexStringLower(hash);
    }

    // The record's own would hash through EqualityComparer four times; the process-seeded combiner keeps it unguessable.
    public override int GetHashCode() => HashCode.Combine(A, B, C, D);

    public bool Equals(TokenHash other) => A == other.A && B == other.B && C == other.C && D == other.D;

    public override string ToString() => ToHex();
}
