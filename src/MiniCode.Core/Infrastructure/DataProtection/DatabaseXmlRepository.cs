using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MiniCode.Infrastructure.Hosting;
using Microsoft.Extensions.Options;
using MiniCode.Data;

namespace MiniCode.Infrastructure.DataProtection;

/// <summary>Stores the data-protection key ring in the database (the EF Core store package is not on our feed).</summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        return db.Set<DataProtectionKeyRecord>().AsNoTracking().OrderBy(k => k.Id)
            .Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        db.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

internal static class DataProtectionServiceCollectionExtensions
{
    public static IServiceCollection AddMiniCodeDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("MiniCode");
        // Loaded from the final configuration (test hosts and secret stores add theirs after registration).
        services.AddSingleton(sp => new KeyRingCertificateSource(KeyRingCertificates.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>())));
        services.AddSingleton<IValidateOptions<KeyRingCertificateCheck>, KeyRingCertificateValidator>();
        services.AddOptions<KeyRingCertificateCheck>().ValidateOnStart();
        services.AddRequiredSetting(KeyRingCertificates.CertificateSetting, "RSA certificate (base64 PKCS#12) that encrypts the data-protection keys in the database");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o =>
            {
                o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>());
                // Absent only in a deployment that lacks the setting, which the required-settings check refuses to start.
                if (sp.GetRequiredService<KeyRingCertificateSource>().Certificates is { } certificates)
                    o.XmlEncryptor = new CertificateKeyRingEncryptor(certificates);
            }));
        return services;
    }
}
