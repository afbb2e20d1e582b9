using System.Security.Cryptography;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Infrastructure.Security;

/// <summary>
/// Secrets by setting name: the configured value when present (production), otherwise a value generated once
/// into a file under <c>MiniCode:KeysPath</c> (default <c>data/keys</c>, git-ignored) for development and tests.
/// Outside Development and the tests a missing setting is refused (see RequiredSettingsValidator), never generated.
/// </summary>
public sealed class KeyMaterialStore(IConfiguration configuration, IHostEnvironment environment)
{
    private readonly object _gate = new();

    public string KeysPath => configuration["MiniCode:KeysPath"] is { Length: > 0 } p ? p : Path.Combine("data", "keys");

    /// <summary>Returns the configured text for <paramref name="settingKey"/>, or generated text made by <paramref name="generate"/>.</summary>
    public string GetOrCreate(string settingKey, Func<string> generate)
    {
        if (configuration[settingKey] is { Length: > 0 } configured) return configured;
        if (!environment.AllowsDevelopmentDefaults())
            throw new InvalidOperationException($"Missing required setting {settingKey} (keys are generated only in Development and the tests).");
        lock (_gate)
        {
            Directory.CreateDirectory(KeysPath);
            var file = Path.Combine(KeysPath, settingKey.Replace(':', '_') + ".key");
            if (File.Exists(file)) return File.ReadAllText(file).Trim();
            var value = generate();
            File.WriteAllText(file, value);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return value;
        }
    }

    /// <summary>A random symmetric key of <paramref name="bytes"/> bytes, configured or generated as base64.</summary>
    public byte[] GetOrCreateSymmetricKey(string settingKey, int bytes = 32)
    {
        var text = GetOrCreate(settingKey, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));
        var key = Convert.FromBase64String(text);
        if (key.Length != bytes) throw new InvalidOperationException($"Setting {settingKey} must be {bytes} bytes of base64.");
        return key;
    }
}
