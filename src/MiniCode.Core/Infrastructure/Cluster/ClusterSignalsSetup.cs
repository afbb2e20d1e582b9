using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Data;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Infrastructure.Cluster;

public static class ClusterSignalsSetup
{
    /// <summary>
    /// In-process signals by default; on PostgreSQL (<c>Database:Provider</c>, read when first resolved) the
    /// LISTEN/NOTIFY implementation replaces them, with its listener as a hosted service.
    /// </summary>
    public static IServiceCollection AddClusterSignals(this IServiceCollection services)
    {
        services.AddValidatedOptions<CacheOptions>();
        services.TryAddSingleton<InProcessClusterSignals>();
        services.TryAddSingleton<PostgresClusterSignals>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresClusterSignals>());
        services.Replace(ServiceDescriptor.Singleton<IClusterSignals>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresClusterSignals>()
                : sp.GetRequiredService<InProcessClusterSignals>()));
        return services;
    }
}
