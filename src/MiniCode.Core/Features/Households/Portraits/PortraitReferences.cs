using System.Buffers.Binary;
using System.Security.Cryptography;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
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

/// <summary>The verifier's portrait: a reference only when the holder has a photo and showing it is switched on.</summary>
public sealed class PortraitReferenceProvider(MiniCodeDbContext db, PortraitReferences references) : IPortraitReferenceProvider
{
    // On every scan's path: compiled once.
    private static readonly Func<MiniCodeDbContext, long, CancellationToken, Task<int?>> EnabledVersionOf =
        EF.CompileAsyncQuery((MiniCodeDbContext db, long personId, CancellationToken ct) =>
            db.Set<Portrait>().AsNoTracking().Where(p => p.PersonId == personId && p.Enabled).Select(p => (int?)p.Version).FirstOrDefault());

    public async Task<string?> FindEnabledAsync(long personId, CancellationToken cancellationToken)
    {
        var version = await EnabledVersionOf(db, personId, cancellationToken);
        return version is { } v ? references.Create(personId, v) : null;
    }
}
