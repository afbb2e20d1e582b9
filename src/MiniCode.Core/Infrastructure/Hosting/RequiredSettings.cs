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

    internal static IServiceCollection AddRequiredSettingsCheck(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<RequiredSettingsCheck>, RequiredSettingsValidator>();
        services.AddOptions<RequiredSettingsCheck>().ValidateOnStart();
        return services;
    }
}

/// <summary>Marker options: validating it at start-up checks every <see cref="RequiredSetting"/>.</summary>
public sealed class RequiredSettingsCheck;

/// <summary>
/// Fails the start of a Production host fast, naming every missing setting. It runs with the start-up options
/// validation, so its message stands with any other invalid setting. Development and tests generate throw-away keys
/// under <c>MiniCode:KeysPath</c> instead (see <see cref="Security.KeyMaterialStore"/>).
/// </summary>
internal sealed class RequiredSettingsValidator(IEnumerable<RequiredSetting> settings, IConfiguration configuration, IHostEnvironment environment)
    : IValidateOptions<RequiredSettingsCheck>
{
    public ValidateOptionsResult Validate(string? name, RequiredSettingsCheck options)
    {
        if (!environment.IsProduction()) return ValidateOptionsResult.Success;
        var missing = settings.DistinctBy(s => s.Key).Where(s => string.IsNullOrWhiteSpace(configuration[s.Key])).ToList();
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("MiniCode cannot start in Production: missing required settings: " +
                string.Join("; ", missing.Select(s => $"{s.Key} ({s.Purpose})")));
    }
}
