namespace MiniCode.Infrastructure.Hosting;

/// <summary>A setting production cannot run without (secret, key or connection string).</summary>
public sealed record RequiredSetting(string Key, string Purpose);

public static class RequiredSettingsExtensions
{
    /// <summary>Declares that <paramref name="key"/> must be set when the host runs in Production.</summary>
    public static IServiceCollection AddRequiredSetting(this IServiceCollection services, string key, string purpose)
    {
        services.AddSingleton(new RequiredSetting(key, purpose));
        return services;
    }
}

/// <summary>
/// Fails the start of a Production host fast, naming every missing setting. Development and tests generate
/// throw-away keys under <c>MiniCode:KeysPath</c> instead (see <see cref="Security.KeyMaterialStore"/>).
/// </summary>
internal sealed class RequiredSettingsValidator(IEnumerable<RequiredSetting> settings, IConfiguration configuration, IHostEnvironment environment)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsProduction()) return Task.CompletedTask;
        var missing = settings.DistinctBy(s => s.Key).Where(s => string.IsNullOrWhiteSpace(configuration[s.Key])).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException("MiniCode cannot start in Production: missing required settings: " +
                string.Join("; ", missing.Select(s => $"{s.Key} ({s.Purpose})")));
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
