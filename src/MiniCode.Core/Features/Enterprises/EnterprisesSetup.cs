using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Identity;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Platform.EnterpriseRegistry;

namespace MiniCode.Features.Enterprises;

public static class EnterprisesSetup
{
    /// <summary>企业码: bindings proven by the enterprise registry, the enterprise code and its verification.</summary>
    public static IHostApplicationBuilder AddEnterprises(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<EnterprisesOptions>();
        services.AddRequiredSetting(EnterpriseRegistryOptions.EndpointSetting, "the enterprise registry's verification endpoint (企业身份核验)");
        services.AddRequiredSetting(EnterpriseRegistryOptions.AppIdSetting, "the app id issued by the enterprise registry");
        services.AddRequiredSetting(EnterpriseRegistryOptions.AppSecretSetting, "the HMAC secret issued by the enterprise registry");
        services.AddHttpClient<EnterpriseRegistryClient>(EnterpriseRegistryClient.HttpClientName, (sp, c) =>
        {
            var o = sp.GetRequiredService<IOptions<EnterprisesOptions>>().Value.Registry;
            if (o.Endpoint.Length > 0) c.BaseAddress = Platform.PlatformHttp.BaseAddress(o.Endpoint);
            c.Timeout = o.Timeout;
        });
        // Extension point: another registry (a province's own) replaces this default.
        services.TryAddTransient<IEnterpriseVerifier>(sp => sp.GetRequiredService<EnterpriseRegistryClient>());
        services.AddScoped<EnterpriseService>();
        services.AddScoped<EnterpriseCodeService>();
        services.AddSubjectCodeCheck<EnterpriseCodeCheck>();
        services.AddScoped<IAccountDeletionParticipant, EnterpriseCleanup>();
        return builder;
    }

    public static IEndpointRouteBuilder MapEnterprises(this IEndpointRouteBuilder app) => app.MapEnterprisesApi();
}
