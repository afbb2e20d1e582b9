using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Infrastructure.DataProtection;

/// <summary>
/// The certificate that encrypts the data-protection key ring stored in the database (cookies, antiforgery), so a
/// copy of the database alone cannot forge an admin session. Settings: <c>Security:DataProtection:Certificate</c>
/// (base64 PKCS#12 with an RSA private key, from the secret store), <c>CertificatePassword</c>, and
/// <c>PreviousCertificates</c> (retired ones, still able to read the keys they protected). Development and the tests
/// generate a self-signed one under <c>MiniCode:KeysPath</c>; every other environment must configure it.
/// </summary>
public static class KeyRingCertificates
{
    public const string SettingsPrefix = "Security:DataProtection";
    public const string CertificateSetting = SettingsPrefix + ":Certificate";
    public const string PasswordSetting = SettingsPrefix + ":CertificatePassword";
    public const string PreviousSetting = SettingsPrefix + ":PreviousCertificates";

    /// <summary>
    /// The current certificate and every one that may decrypt, or null when a deployment has not configured one: then
    /// the required-settings check refuses the start with the full list of what is missing.
    /// </summary>
    public static KeyRingCertificateSet? Load(IConfiguration configuration, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(configuration[CertificateSetting]) && !environment.AllowsDevelopmentDefaults()) return null;
        var password = configuration[PasswordSetting];
        var current = Parse(new KeyMaterialStore(configuration, environment).GetOrCreate(CertificateSetting, GenerateDevelopmentCertificate),
            password, CertificateSetting);
        var previous = configuration.GetSection(PreviousSetting).GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => Parse(c.Value!, password, c.Path));
        return new KeyRingCertificateSet(current, [current, .. previous]);
    }

    private static X509Certificate2 Parse(string base64, string? password, string setting)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(base64.Trim()), password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw new InvalidOperationException($"Setting {setting} must be a base64 PKCS#12 certificate (with {PasswordSetting} when it has a password): {e.Message}");
        }
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
            throw new InvalidOperationException($"Setting {setting} must hold an RSA certificate with its private key (the key ring is encrypted to it).");
        return certificate;
    }

    private static string GenerateDevelopmentCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=MiniCode data protection (development only)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));
    }
}

/// <summary>Marker options: validating it at start-up refuses an unusable certificate before the first cookie needs it.</summary>
public sealed class KeyRingCertificateCheck;

/// <summary>A missing certificate is the required-settings check's to report (with everything else missing); a bad one is refused here.</summary>
internal sealed class KeyRingCertificateValidator(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<KeyRingCertificateCheck>
{
    public ValidateOptionsResult Validate(string? name, KeyRingCertificateCheck options)
    {
        try
        {
            KeyRingCertificates.Load(configuration, environment);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
