using System.Security.Cryptography;
using MiniCode.Data;
using MiniCode.Infrastructure.Cluster;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.HealthCodes.Applications;

/// <summary>
/// The applications' keys and permissions as every API request reads them: from memory (a <see cref="SignalledCache{TKey,TValue}"/>
/// by key hash), so a warm verify or generate sends no database command for the permission check. Every change is
/// published on <see cref="Topic"/> and drops the cache on every node at once, so a switched-off permission answers
/// 403 on the next request everywhere; <see cref="CodeApplicationOptions.CacheSeconds"/> bounds a lost signal.
/// An unknown key is never cached (each try reads the database and answers 401).
/// </summary>
public sealed class ApplicationDirectory(IServiceScopeFactory scopes, IClusterSignals signals, TimeProvider time, IOptions<CodeApplicationOptions> options)
    : IDisposable
{
    public const string Topic = "code-applications";
    public const string KeyPrefix = "mca_";

    private readonly SignalledCache<string, ApplicationGrant?> cache = new(signals, time, Topic,
        TimeSpan.FromSeconds(options.Value.CacheSeconds), maxEntries: 100_000);

    /// <summary>A new random key: the prefix and 256 bits, base64url.</summary>
    public static string NewKey() => KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Utf8Sha256.Hash(key, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The enabled application holding <paramref name="key"/>, or null.</summary>
    public ValueTask<ApplicationGrant?> FindAsync(string key, CancellationToken ct) => cache.GetAsync(Hash(key), scopes, LoadAsync, ct);

    /// <summary>Tells every node (this one included) that applications changed; call after the commit.</summary>
    public Task PublishChangedAsync(CancellationToken ct) => cache.PublishAsync(SignalledCache<string, ApplicationGrant?>.AllKeys, ct);

    private static async Task<ApplicationGrant?> LoadAsync(string hash, IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        // Looked up by the index on the hash: the hash of a guessed key tells nothing about the stored ones.
        var app = await db.Set<CodeApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.KeyHash == hash && a.Enabled, ct);
        return app is null ? null : ApplicationGrant.Of(app);
    }

    public void Dispose() => cache.Dispose();
}
