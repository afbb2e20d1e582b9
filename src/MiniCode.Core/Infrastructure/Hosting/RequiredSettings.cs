namespace MiniCode.Infrastructure.Hosting;

/// <summary>A setting production cannot run without (secret, key or connection string).</summary>
public sealed record RequiredSetting(string Key, string Purpose);

public static class RequiredSettingsExtensions
{
    /// <summary>Declares that <paramref name="key"/> must be set when the host runs outside Development and the tests.</summary>
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
/// Fails the start of a host in any environment but Development and Testing (Staging, Production, …) fast, naming
/// every missing setting. It runs with the start-up options validation, so its message stands with any other invalid
/// setting. Development and tests generate throw-away keys under <c>MiniCode:KeysPath</c> instead
/// (see <see cref="Security.KeyMaterialStore"/>).
/// </summary>
internal sealed class RequiredSettingsValidator(IEnumerable<RequiredSetting> settings, IConfiguration configuration, IHostEnvironment environment)
    : IValidateOptions<RequiredSettingsCheck>
{
    public const string SimulatorRefused =
        "MiniCode:Parts:Simulator must be false outside Development and Testing (the simulator logs anyone in and shows SMS codes)";

    public ValidateOptionsResult Validate(string? name, RequiredSettingsCheck options)
    {
        if (environment.AllowsDevelopmentDefaults()) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        var missing = settings.DistinctBy(s => s.Key).Where(s => string.IsNullOrWhiteSpace(configuration[s.Key])).ToList();
        if (missing.Count > 0)
            failures.Add($"MiniCode cannot start in {environment.EnvironmentName}: missing required settings: " +
                string.Join("; ", missing.Select(s => $"{s.Key} ({s.Purpose})")));
        // Here rather than on the parts' options: Program reads those before the start, which would hide this list.
        if (configuration.GetValue<bool>(HostPartsOptions.Section + ":" + nameof(HostPartsOptions.Simulator)))
            failures.Add(SimulatorRefused);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
