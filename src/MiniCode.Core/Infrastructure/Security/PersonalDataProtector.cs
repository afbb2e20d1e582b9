using System.Security.Cryptography;
using System.Text;

namespace MiniCode.Infrastructure.Security;

/// <summary>
/// Encrypts ID numbers and phone numbers at rest (AES-256-GCM, random nonce, text form <c>v1:base64(nonce|cipher|tag)</c>)
/// and computes their blind index (HMAC-SHA256 with a separate key) so they can be looked up without decrypting.
/// Keys: <c>Security:DataEncryptionKey</c> and <c>Security:BlindIndexKey</c> (32 bytes, base64).
/// </summary>
public sealed class PersonalDataProtector
{
    public const string EncryptionKeySetting = "Security:DataEncryptionKey";
    public const string BlindIndexKeySetting = "Security:BlindIndexKey";
    private const int NonceSize = 12, TagSize = 16;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _indexKey;

    public PersonalDataProtector(KeyMaterialStore keys)
    {
        _encryptionKey = keys.GetOrCreateSymmetricKey(EncryptionKeySetting);
        _indexKey = keys.GetOrCreateSymmetricKey(BlindIndexKeySetting);
    }

    public string Encrypt(string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length, TagSize));
        return "v1:" + Convert.ToBase64String(output);
    }

    public string Decrypt(string ciphertext)
    {
        if (!ciphertext.StartsWith("v1:", StringComparison.Ordinal)) throw new CryptographicException("Unknown ciphertext version.");
        var input = Convert.FromBase64String(ciphertext[3..]);
        var length = input.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>File header of <see cref="EncryptBytes"/>: no JPEG, PNG or SVG starts with it, so files written before encryption are told apart.</summary>
    private static ReadOnlySpan<byte> FileMagic => "MCE1"u8;

    /// <summary>Encrypts a file's bytes (portrait photos, rendered cards): <c>MCE1|nonce|cipher|tag</c>, AES-256-GCM with the data key.</summary>
    public byte[] EncryptBytes(ReadOnlySpan<byte> plain)
    {
        var output = new byte[FileMagic.Length + NonceSize + plain.Length + TagSize];
        FileMagic.CopyTo(output);
        var nonce = output.AsSpan(FileMagic.Length, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(FileMagic.Length + NonceSize, plain.Length), output.AsSpan(output.Length - TagSize), FileMagic);
        return output;
    }

    /// <summary>True for bytes made by <see cref="EncryptBytes"/>; false for a file stored before encryption at rest.</summary>
    public static bool IsEncryptedBytes(ReadOnlySpan<byte> data) => data.Length >= 4 + NonceSize + TagSize && data.StartsWith(FileMagic);

    /// <summary>The plain bytes of <see cref="EncryptBytes"/> output; throws <see cref="CryptographicException"/> when tampered with.</summary>
    public byte[] DecryptBytes(ReadOnlySpan<byte> data)
    {
        if (!IsEncryptedBytes(data)) throw new CryptographicException("Not an encrypted file.");
        var body = data[FileMagic.Length..];
        var plain = new byte[body.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(body[..NonceSize], body.Slice(NonceSize, plain.Length), body[^TagSize..], plain, FileMagic);
        return plain;
    }

    /// <summary>Keyed hash of the normalised value (trimmed, upper-case), as 64 hex characters.</summary>
    public string BlindIndex(string value)
    {
        var normalised = value.Trim().ToUpperInvariant();
        return Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(normalised)));
    }
}
