using MiniCode.Infrastructure.Hosting;
using System.Buffers.Binary;
using System.Security.Cryptography;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Cluster;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Households.Portraits;

/// <summary>
/// Short-lived signed references to one version of a person's portrait, handed to a verifier with a valid code:
/// base64url(person id 8 ‖ version 4 ‖ expiry 4 ‖ HMAC-SHA256 truncated to 16). Nothing in it names the person.
/// </summary>
public sealed class PortraitReferences(KeyMaterialStore keys, TimeProvider time, IOptions<PortraitOptions> options)
{
    public const string KeySetting = "MiniCode:Households:Portraits:ReferenceKey";
    public const string PathPrefix = "/api/portraits/";
    private readonly Lazy<byte[]> _key = new(() => keys.GetOrCreateSymmetricKey(KeySetting));

    public string Create(long personId, int version)
    {
        var body = new byte[16];
        BinaryPrimitives.WriteInt64BigEndian(body, personId);
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(8), version);
        var expires = time.GetUtcNow().AddSeconds(options.Value.ReferenceSeconds).ToUnixTimeSeconds();
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(12), checked((uint)expires));
        return PathPrefix + Base64Url.Encode([.. body, .. Mac(body)]);
    }

    public bool TryRead(string token, out long personId, out int version)
    {
        personId = 0;
        version = 0;
        if (token.Length > 64 || !Base64Url.TryDecode(token, out var all) || all.Length != 32) return false;
        var body = all.AsSpan(0, 16);
        if (!CryptographicOperations.FixedTimeEquals(Mac(body), all.AsSpan(16))) return false;
        if (time.GetUtcNow().ToUnixTimeSeconds() >= BinaryPrimitives.ReadUInt32BigEndian(body[12..])) return false;
        personId = BinaryPrimitives.ReadInt64BigEndian(body);
        version = BinaryPrimitives.ReadInt32BigEndian(body[8..]);
        return true;
    }

    private byte[] Mac(ReadOnlySpan<byte> body) => HMACSHA256.HashData(_key.Value, body)[..16];
}

/// <summary>
/// The verifier's portrait: a reference only when the holder has a photo and showing it is switched on. Whether and which
/// version is enabled is cached per person (every portrait write raises <see cref="ClusterTopics.People"/>).
/// </summary>
public sealed class PortraitReferenceProvider(Deferred<MiniCodeDbContext> db, PortraitReferences references, EnabledPortraits enabled) : IPortraitReferenceProvider
{
    public async Task<string?> FindEnabledAsync(long personId, CancellationToken cancellationToken)
    {
        var version = await enabled.VersionAsync(db, personId, cancellationToken);
        return version is { } v ? references.Create(personId, v) : null;
    }
}

/// <summary>The enabled portrait version per person, in process (see <see cref="SignalledCache{TKey,TValue}"/>).</summary>
public sealed class EnabledPortraits(IClusterSignals signals, TimeProvider time, IOptions<CacheOptions> options) : IDisposable
{
    // A box, so that "no portrait" (most people) is cached too.
    private sealed record Enabled(int? Version);

    private readonly SignalledCache<long, Enabled> _cache = new(signals, time, ClusterTopics.People,
        TimeSpan.FromSeconds(options.Value.StatusSeconds), options.Value.MaxEntries);

    // On every scan's path when cold: compiled once.
    private static readonly Func<MiniCodeDbContext, long, CancellationToken, Task<int?>> EnabledVersionOf =
        EF.CompileAsyncQuery((MiniCodeDbContext db, long personId, CancellationToken ct) =>
            db.Set<Portrait>().AsNoTracking().Where(p => p.PersonId == personId && p.Enabled).Select(p => (int?)p.Version).FirstOrDefault());

    public async ValueTask<int?> VersionAsync(Deferred<MiniCodeDbContext> db, long personId, CancellationToken ct) =>
        (await _cache.GetAsync(personId, db, static async (id, db, ct) => new Enabled(await EnabledVersionOf(db.Value, id, ct)), ct)).Version;

    public void Dispose() => _cache.Dispose();
}
