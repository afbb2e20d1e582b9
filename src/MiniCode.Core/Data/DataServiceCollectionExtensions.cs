using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MiniCode.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddMiniCodeData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // Pooled: the options are built once and contexts are reused, which the hot paths (session check, show-code,
        // verify) feel on every request; MiniCodeDbContext keeps no state of its own beyond what EF resets.
        services.AddDbContextPool<MiniCodeDbContext>((sp, options) => Configure(options,
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            ConnectionString(sp.GetRequiredService<IConfiguration>())));
        services.AddScoped<MigrationRunner>();
        services.AddHostedService<MigrateOnStartupService>();
        return services;
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) is { Length: > 0 } cs ? cs : DatabaseOptions.DefaultSqlite;

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions db, string connectionString)
    {
        if (db.Provider == DatabaseProvider.Postgres)
            options.UseNpgsql(PostgresConnectionDefaults.Apply(connectionString), o => o.CommandTimeout(db.CommandTimeoutSeconds));
        else
            options.UseSqlite(connectionString, o => o.CommandTimeout(db.CommandTimeoutSeconds)).AddInterceptors(SqliteConnectionSetup.Instance);
    }
}

/// <summary>Applies migrations before the host starts serving, when <c>Database:MigrateOnStartup</c> is on.</summary>
internal sealed class MigrateOnStartupService(IServiceProvider services, IOptions<DatabaseOptions> options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup) return;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
