using System.Collections.Concurrent;
using System.Security.Cryptography;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Infrastructure.Security;

/// <summary>
/// Secrets by setting name: the configured value when present (production), otherwise a value generated once
/// into a file under <c>MiniCode:KeysPath</c> (default <c>data/keys</c>, git-ignored) for development and tests.
/// Outside Development and the tests a missing setting is refused (see RequiredSettingsValidator), never generated.
/// Several hosts may share the folder (two nodes in development, the tests' second node): a key is looked for and
/// generated under an exclusive lock on the folder's <c>.lock</c> file, so every host gets the one written first, whole.
/// </summary>
public sealed class KeyMaterialStore(IConfiguration configuration, IHostEnvironment environment)
{
    // One gate per keys folder for the whole process, whichever store instance asks: a generator may ask for another
    // key (the Alipay simulator's public key is made from its private key) and the monitor is re-entrant where the
    // file lock is not, so only the outermost call on a thread takes the file lock.
    private sealed class FolderGate { public FileStream? FileLock; }
    private static readonly ConcurrentDictionary<string, FolderGate> Gates = new();

    public string KeysPath => configuration["MiniCode:KeysPath"] is { Length: > 0 } p ? p : Path.Combine("data", "keys");

    /// <summary>Returns the configured text for <paramref name="settingKey"/>, or generated text made by <paramref name="generate"/>.</summary>
    public string GetOrCreate(string settingKey, Func<string> generate)
    {
        if (configuration[settingKey] is { Length: > 0 } configured) return configured;
        if (!environment.AllowsDevelopmentDefaults())
            throw new InvalidOperationException($"Missing required setting {settingKey} (keys are generated only in Development and the tests).");
        Directory.CreateDirectory(KeysPath);
        var gate = Gates.GetOrAdd(Path.GetFullPath(KeysPath), _ => new FolderGate());
        lock (gate)
        {
            var outermost = gate.FileLock is null;
            if (outermost) gate.FileLock = HoldFileLock();
            try
            {
                var file = Path.Combine(KeysPath, settingKey.Replace(':', '_') + ".key");
                if (File.Exists(file)) return File.ReadAllText(file).Trim();
                var value = generate();
                File.WriteAllText(file, value);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                return value;
            }
            finally
            {
                if (outermost)
                {
                    gate.FileLock!.Dispose();
                    gate.FileLock = null;
                }
            }
        }
    }

    // FileShare.None is an exclusive flock on Unix: another process sharing the folder waits here.
    private FileStream HoldFileLock()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(Path.Combine(KeysPath, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(5);
            }
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
