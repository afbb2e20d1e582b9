using System.Security.Cryptography;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Platform.Alipay;

/// <summary>
/// The RSA and AES keys of the Alipay integration. Configured in production (required settings); in development and
/// tests generated once under MiniCode:KeysPath, where the Alipay public key is that of the simulator's key pair —
/// the app is "configured with the simulator's public key".
/// </summary>
public sealed class AlipayKeys
{
    public const string SimulatorPrivateKeySetting = "Simulator:Alipay:PlatformPrivateKey";
    private readonly KeyMaterialStore _store;
    private readonly Lazy<RSA> _appPrivate, _alipayPublic;
    private readonly Lazy<byte[]> _aes;

    public AlipayKeys(KeyMaterialStore store)
    {
        _store = store;
        _appPrivate = new(() => ImportPrivate(store.GetOrCreate(AlipayOptions.AppPrivateKeySetting, NewPrivateKey)));
        _alipayPublic = new(() => ImportPublic(store.GetOrCreate(AlipayOptions.AlipayPublicKeySetting, () => PublicOf(SimulatorPrivateKeyText()))));
        _aes = new(() => store.GetOrCreateSymmetricKey(AlipayOptions.AesKeySetting, 16));
    }

    public RSA AppPrivateKey => _appPrivate.Value;
    public RSA AlipayPublicKey => _alipayPublic.Value;
    public byte[] AesKey => _aes.Value;

    /// <summary>The simulator's own platform key pair (development and tests only).</summary>
    public string SimulatorPrivateKeyText() => _store.GetOrCreate(SimulatorPrivateKeySetting, NewPrivateKey);

    /// <summary>The app's public key as Alipay holds it after the developer uploads it (the simulator verifies requests with it).</summary>
    public string AppPublicKeyText() => Convert.ToBase64String(AppPrivateKey.ExportSubjectPublicKeyInfo());

    public static RSA ImportPrivate(string base64OrPem)
    {
        var rsa = RSA.Create();
        if (base64OrPem.Contains("-----BEGIN", StringComparison.Ordinal)) rsa.ImportFromPem(base64OrPem);
        else rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(base64OrPem), out _);
        return rsa;
    }

    public static RSA ImportPublic(string base64OrPem)
    {
        var rsa = RSA.Create();
        if (base64OrPem.Contains("-----BEGIN", StringComparison.Ordinal)) rsa.ImportFromPem(base64OrPem);
        else rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64OrPem), out _);
        return rsa;
    }

    private static string NewPrivateKey()
    {
        using var rsa = RSA.Create(2048);
        return Convert.ToBase64String(rsa.ExportPkcs8PrivateKey());
    }

    private static string PublicOf(string privateKey)
    {
        using var rsa = ImportPrivate(privateKey);
        return Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }
}
