using System.Globalization;
using System.Security.Cryptography;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.HealthCodes.Signing;

/// <summary>
/// One ES256 key: private part present for signing keys, absent for retired verify-only keys. One <see cref="ECDsa"/>
/// per key serves every request at once: signing and verifying only read the imported key (OpenSSL shares an
/// unchanged EVP_PKEY across threads), and nobody changes or disposes it while the host runs
/// (<c>CodeSignerConcurrencyTests</c>).
/// </summary>
public sealed record SigningKey(uint KeyId, ECDsa Key, bool CanSign, DateTimeOffset? NotAfter);

/// <summary>
/// The code-signing keys. Setting <c>MiniCode:HealthCodes:Signing:Keys</c> lists <c>kid:pkcs8base64[:notAfter]</c> entries
/// separated by ";" (kid = 8 hex digits, notAfter = yyyy-MM-dd, the key's last day of use; codes it signs never
/// outlive it). The LAST entry signs; all verify, which gives rotation with overlap: append a new key, and remove the
/// old one once every code it signed has expired. <c>...:VerifyOnlyKeys</c> lists retired public keys
/// (<c>kid:spkibase64</c>). In development one key is generated on first run by <see cref="KeyMaterialStore"/>.
/// </summary>
public sealed class SigningKeyRing
{
    public const string KeysSetting = "MiniCode:HealthCodes:Signing:Keys";
    public const string VerifyOnlySetting = "MiniCode:HealthCodes:Signing:VerifyOnlyKeys";

    private readonly Dictionary<uint, SigningKey> _byId = new();
    public SigningKey Active { get; }
    public IReadOnlyCollection<SigningKey> All => _byId.Values;

    public SigningKeyRing(KeyMaterialStore store, IConfiguration configuration)
    {
        var text = store.GetOrCreate(KeysSetting, GenerateEntry);
        SigningKey? last = null;
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(':');
            if (parts.Length is < 2 or > 3) throw new InvalidOperationException($"{KeysSetting}: each entry is kid:pkcs8base64[:yyyy-MM-dd].");
            var key = Import(entry, k => k.ImportPkcs8PrivateKey(Convert.FromBase64String(parts[1]), out _), KeysSetting);
            DateTimeOffset? notAfter = parts.Length == 3
                ? DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lastDay)
                    ? new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                    : throw new InvalidOperationException($"{KeysSetting}: the last day of entry {parts[0]} must be yyyy-MM-dd.")
                : null;
            last = Add(new SigningKey(ParseKid(parts[0], KeysSetting), key, true, notAfter));
        }
        Active = last ?? throw new InvalidOperationException($"{KeysSetting} holds no key.");
        if (configuration[VerifyOnlySetting] is { Length: > 0 } retired)
            foreach (var entry in retired.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = entry.Split(':');
                if (parts.Length != 2) throw new InvalidOperationException($"{VerifyOnlySetting}: each entry is kid:spkibase64.");
                var key = Import(entry, k => k.ImportSubjectPublicKeyInfo(Convert.FromBase64String(parts[1]), out _), VerifyOnlySetting);
                var kid = ParseKid(parts[0], VerifyOnlySetting);
                _byId.TryAdd(kid, new SigningKey(kid, key, false, null));
            }
    }

    /// <summary>Imports one entry's key; a bad one names its key id (never the material) so the start can say which.</summary>
    private static ECDsa Import(string entry, Action<ECDsa> import, string setting)
    {
        var key = ECDsa.Create();
        try
        {
            import(key);
            return key;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{setting}: the key of entry {entry.Split(':')[0]} is not valid base64 key material ({e.GetType().Name}).");
        }
    }

    public SigningKey? Find(uint keyId) => _byId.GetValueOrDefault(keyId);

    private SigningKey Add(SigningKey key)
    {
        if (key.Key.KeySize != 256) throw new InvalidOperationException("Code-signing keys must be P-256.");
        _byId[key.KeyId] = key;
        return key;
    }

    private static uint ParseKid(string text, string setting) =>
        uint.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var kid) && text.Length == 8
            ? kid : throw new InvalidOperationException($"{setting}: a code-signing key id is 8 hex digits.");

    /// <summary>A new entry for the Keys setting: random key id and a fresh P-256 key.</summary>
    public static string GenerateEntry()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var kid = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
        return CodePayload.KeyIdText(kid) + ":" + Convert.ToBase64String(key.ExportPkcs8PrivateKey());
    }
}
