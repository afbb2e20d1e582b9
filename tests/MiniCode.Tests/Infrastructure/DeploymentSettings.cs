using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Households.Portraits;
using MiniCode.Infrastructure.DataProtection;
using MiniCode.Infrastructure.Security;
using MiniCode.Platform.Alipay;

namespace MiniCode.Tests.Infrastructure;

/// <summary>
/// Every setting a deployed host (any environment but Development and Testing) must be given, with fresh keys: what
/// an operator configures. Without the simulator part; the SMS and face providers are real ones (their clients still
/// point at the simulator's addresses, which nothing serves on such a host).
/// </summary>
public static class DeploymentSettings
{
    public static MiniCodeFactory Deployed(this MiniCodeFactory host, string environment)
    {
        host.With("Environment", environment);
        foreach (var (key, value) in For()) host.With(key, value);
        return host;
    }

    public static IReadOnlyDictionary<string, string?> For()
    {
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var app = RSA.Create(2048);
        using var alipay = RSA.Create(2048);
        return new Dictionary<string, string?>
        {
            ["MiniCode:Parts:Simulator"] = "false",
            ["Sms:Provider"] = "Tencent",
            ["Identity:Face:Provider"] = "WeChat",
            ["Admin:BootstrapUser"] = "root",
            ["Admin:BootstrapPassword"] = "Deployed#Pass1",
            [PersonalDataProtector.EncryptionKeySetting] = Key(32),
            [PersonalDataProtector.BlindIndexKeySetting] = Key(32),
            [PortraitReferences.KeySetting] = Key(32),
            [SigningKeyRing.KeysSetting] = "00000001:" + Convert.ToBase64String(signing.ExportPkcs8PrivateKey()),
            [ApiKeyRegistry.AuthoritySetting] = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)),
            [AlipayOptions.AppPrivateKeySetting] = Convert.ToBase64String(app.ExportPkcs8PrivateKey()),
            [AlipayOptions.AlipayPublicKeySetting] = Convert.ToBase64String(alipay.ExportSubjectPublicKeyInfo()),
            [AlipayOptions.AesKeySetting] = Key(16),
            [KeyRingCertificates.CertificateSetting] = KeyRingCertificate(),
        };
    }

    private static string KeyRingCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=MiniCode key ring (test deployment)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));
    }

    private static string Key(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
}
