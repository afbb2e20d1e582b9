using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace MiniCode.Infrastructure.DataProtection;

/// <summary>The certificates of <see cref="KeyRingCertificates"/>, loaded once from the host's final configuration (null: not configured).</summary>
public sealed record KeyRingCertificateSource(KeyRingCertificateSet? Certificates);

/// <summary>The certificate new keys are encrypted to, and every certificate that may decrypt one.</summary>
public sealed class KeyRingCertificateSet(X509Certificate2 current, IReadOnlyList<X509Certificate2> readers)
{
    public X509Certificate2 Current { get; } = current;
    public IReadOnlyList<X509Certificate2> Readers { get; } = readers;
}

/// <summary>
/// Encrypts each new data-protection key to the current certificate (XML encryption: an AES-256 session key wrapped with
/// the certificate's RSA key), as ASP.NET Core's certificate encryptor does; ours so the certificate comes from the
/// service provider (the host's final configuration) rather than from registration time.
/// </summary>
internal sealed class CertificateKeyRingEncryptor(KeyRingCertificateSet certificates) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        using (var reader = plaintextElement.CreateReader()) document.Load(reader);
        var encrypted = new EncryptedXml(document).Encrypt(document.DocumentElement!, certificates.Current);
        return new EncryptedXmlInfo(XElement.Parse(encrypted.GetXml().OuterXml), typeof(CertificateKeyRingDecryptor));
    }
}

/// <summary>
/// Decrypts keys made by <see cref="CertificateKeyRingEncryptor"/> with the current or a previous certificate, matched by
/// thumbprint; a key encrypted to any other certificate cannot be read (the ring then makes no use of it).
/// Data protection creates it by type name with the service provider.
/// </summary>
internal sealed class CertificateKeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        using (var reader = encryptedElement.CreateReader()) document.Load(reader);
        var certificates = services.GetRequiredService<KeyRingCertificateSource>().Certificates?.Readers ?? [];
        new WithOwnCertificates(document, certificates).DecryptDocument();
        return XElement.Parse(document.DocumentElement!.OuterXml);
    }

    private sealed class WithOwnCertificates(XmlDocument document, IReadOnlyList<X509Certificate2> certificates) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            foreach (var clause in encryptedKey.KeyInfo)
            {
                if (clause is not KeyInfoX509Data data || data.Certificates is null) continue;
                foreach (X509Certificate2 named in data.Certificates)
                {
                    var own = certificates.FirstOrDefault(c => c.Thumbprint == named.Thumbprint);
                    if (own?.GetRSAPrivateKey() is not { } rsa) continue;
                    using (rsa) return DecryptKey(encryptedKey.CipherData.CipherValue!, rsa, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
                }
            }
            throw new CryptographicException("The data-protection key is encrypted to a certificate this node does not hold (Security:DataProtection).");
        }
    }
}
