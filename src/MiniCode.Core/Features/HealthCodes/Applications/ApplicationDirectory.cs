using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MiniCode.Data;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.HealthCodes.Applications;

/// <summary>
/// The applications' keys and permissions as every API request reads them: from memory, so a warm verify or generate
/// sends no database command for the permission check. An entry (an unknown key too) lives
/// <see cref="CodeApplicationOptions.CacheSeconds"/>; every change is published on <see cref="Topic"/> and empties the
/// cache on every node at once, so a switched-off permission answers 403 on the next request everywhere. A lost signal
/// is bounded by the entry's lifetime.
/// </summary>
public sealed class ApplicationDirectory : IDisposable
{
    public const string Topic = "code-applications";
    public const string KeyPrefix = "mca_";

    private readonly ConcurrentDictionary<string, (ApplicationGrant? Grant, long ExpiresAt)> entries = new(StringComparer.Ordinal);
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly IOptions<CodeApplicationOptions> options;
    private readonly IDisposable subscription;
    // Bumped by each signal: a lookup that started before it must not store what it read.
    private long generation;

    public ApplicationDirectory(IServiceScopeFactory scopes, TimeProvider time, IOptions<CodeApplicationOptions> options, IClusterSignals signals)
    {
        this.scopes = scopes;
        this.time = time;
        this.options = options;
        subscription = signals.Subscribe(Topic, _ => Forget());
    }

    /// <summary>A new random key: the prefix and 256 bits, base64url.</summary>
    public static string NewKey() => KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The enabled application holding <paramref name="key"/>, or null.</summary>
    public async ValueTask<ApplicationGrant?> FindAsync(string key, CancellationToken ct)
    {
        var hash = Hash(key);
        var now = time.GetTimestamp();
        if (entries.TryGetValue(hash, out var entry) && now < entry.ExpiresAt) return entry.Grant;
        var seen = Interlocked.Read(ref generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        // The stored hash is compared by the database's index; the hash of a guessed key says nothing about real keys.
        var app = await db.Set<CodeApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.KeyHash == hash && a.Enabled, ct);
        var grant = app is null ? null : ApplicationGrant.Of(app);
        if (Interlocked.Read(ref generation) == seen)
            entries[hash] = (grant, now + (long)(options.Value.CacheSeconds * (double)time.TimestampFrequency));
        return grant;
    }

    /// <summary>Drops every entry (a signal from any node).</summary>
    public void Forget()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    public void Dispose() => subscription.Dispose();
}
