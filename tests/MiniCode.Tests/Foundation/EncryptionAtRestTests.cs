using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Features.Households.Portraits;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.DataProtection;
using MiniCode.Infrastructure.Security;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Households;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Jobs;

namespace MiniCode.Tests.Foundation;

/// <summary>What a copy of the database or the data folder shows: no face, and no key that could forge an admin session.</summary>
public sealed class EncryptionAtRestTests
{
    [Fact]
    public async Task The_data_protection_key_ring_is_encrypted_to_the_certificate_and_only_a_node_holding_it_reads_it()
    {
        using var first = new MiniCodeFactory();
        var sealedText = Protector(first).Protect("admin-session");
        var stored = await first.QueryAsync(db => db.Set<DataProtectionKeyRecord>().Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<value>", xml); // the master key in clear
        });

        using var second = new MiniCodeFactory().AsSecondNodeOf(first);
        Assert.Equal("admin-session", Protector(second).Unprotect(sealedText));

        // The same database without the certificate (another generated one): the key ring cannot be read.
        using var stranger = new MiniCodeFactory().With("Database:Provider", first.Database.Provider.ToString())
            .With("ConnectionStrings:MiniCode", first.Database.ConnectionString);
        Assert.ThrowsAny<CryptographicException>(() => Protector(stranger).Unprotect(sealedText));
    }

    [Fact]
    public void A_configured_certificate_without_a_private_key_is_refused_at_start()
    {
        using var rsa = RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=public only", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var publicOnly = Convert.ToBase64String(certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Cert));
        using var host = new MiniCodeFactory().With(KeyRingCertificates.CertificateSetting, publicOnly);
        Assert.Contains(KeyRingCertificates.CertificateSetting, Assert.ThrowsAny<Exception>(() => host.CreateClient()).ToString());
    }

    [Fact]
    public async Task Portraits_are_encrypted_on_disk_and_photos_stored_before_are_read_then_encrypted_by_the_purge_job()
    {
        using var host = new JobsTestHost().Start();
        var user = await host.CitizenAsync("邓加密照");
        await HttpAssert.Ok(await user.Client.UploadAsync("/api/me/portrait", HouseholdsKit.Jpeg(300, 400)));
        var shown = await (await user.Client.GetAsync("/api/me/portrait/image")).Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8], shown[..2]);

        var key = await host.QueryAsync(db => db.Set<Portrait>().Where(p => p.PersonId == user.PersonId).Select(p => p.StorageKey).SingleAsync());
        var file = Path.Combine(host.WorkDir, "data", "portraits", key[..2], key);
        var onDisk = await File.ReadAllBytesAsync(file);
        Assert.True(PersonalDataProtector.IsEncryptedBytes(onDisk));
        Assert.NotEqual(0xFF, onDisk[0]);

        // A photo written before encryption at rest: still shown, and encrypted by the next purge.
        await File.WriteAllBytesAsync(file, shown);
        Assert.Equal(shown, await (await user.Client.GetAsync("/api/me/portrait/image")).Content.ReadAsByteArrayAsync());
        var run = await host.RunNowAsync("purge-portraits");
        Assert.Equal((JobOutcome.Succeeded, 1), (run.Outcome, run.ItemsProcessed));
        Assert.True(PersonalDataProtector.IsEncryptedBytes(await File.ReadAllBytesAsync(file)));
        Assert.Equal(shown, await (await user.Client.GetAsync("/api/me/portrait/image")).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/me/portrait")).StatusCode);
    }

    private static IDataProtector Protector(MiniCodeFactory host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("MiniCode.Tests.EncryptionAtRest");
}
