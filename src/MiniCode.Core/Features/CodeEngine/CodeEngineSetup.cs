using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.CodeEngine;

public static class CodeEngineSetup
{
    /// <summary>码引擎: categories, numbering rules and code numbers, third-party issuers and their keys.</summary>
    public static IHostApplicationBuilder AddCodeEngine(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<CodeEngineOptions>();
        services.AddSingleton<CodeNumberService>();
        services.Replace(ServiceDescriptor.Singleton<ICodeNumbers>(sp => sp.GetRequiredService<CodeNumberService>()));
        services.AddSingleton<ThirdPartyCodeVerifier>();
        services.Replace(ServiceDescriptor.Singleton<IForeignCodeVerifier>(sp => sp.GetRequiredService<ThirdPartyCodeVerifier>()));
        services.AddScoped<IssuerKeysRefresher>();
        services.AddHttpClient(IssuerKeysRefresher.HttpClientName);
        services.AddMiniCodeJob<RefreshIssuerKeysJob>("refresh-issuer-keys", "获取第三方码发码方的验证密钥（JWKS）");
        return builder;
    }
}
