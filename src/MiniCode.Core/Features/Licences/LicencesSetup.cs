using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Identity;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Platform.Licences;

namespace MiniCode.Features.Licences;

public static class LicencesSetup
{
    /// <summary>
    /// 电子证照: licence types (seeded, staff add more), bindings confirmed by the issuer (extension point
    /// <see cref="ILicenceIssuer"/>, the e-licence gateway client by default) and the licence code's verify answer.
    /// </summary>
    public static IHostApplicationBuilder AddLicences(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<LicenceOptions>();
        services.AddRequiredSetting(LicenceIssuerOptions.BaseUrlSetting, "base URL of the e-licence gateway (电子证照共享服务)");
        services.AddRequiredSetting(LicenceIssuerOptions.AppKeySetting, "the app key the e-licence gateway issued");
        services.AddRequiredSetting(LicenceIssuerOptions.AppSecretSetting, "the HMAC-SHA256 secret of that app key");
        services.AddHttpClient<LicenceGatewayClient>(LicenceGatewayClient.HttpClientName, (sp, c) =>
        {
            var o = sp.GetRequiredService<IOptions<LicenceOptions>>().Value.Issuer;
            c.BaseAddress = Platform.PlatformHttp.BaseAddress(o.BaseUrl);
            c.Timeout = o.Timeout;
        });
        // Extension point: a province's own issuer replaces the gateway client (Replace, in any order).
        services.TryAddTransient<ILicenceIssuer>(sp => sp.GetRequiredService<LicenceGatewayClient>());
        services.AddScoped<LicenceService>();
        services.AddScoped<LicenceBinder>();
        // Fills the authorisations' extension point: an authorisation shows only licences its grantor holds.
        services.Replace(ServiceDescriptor.Scoped<Errands.IHeldLicences, HeldLicences>());
        services.AddScoped<IAccountDeletionParticipant, LicenceCleanup>();
        services.AddSubjectCodeCheck<LicenceCodeCheck>();
        services.AddHostedService<LicenceTypeBootstrap>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLicences(this IEndpointRouteBuilder app) => app.MapLicencesApi();
}
