using System.Security.Cryptography;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>Rotation with overlap: the last configured key signs, earlier and verify-only keys still verify.</summary>
public sealed class KeyRotationTests : IDisposable
{
    private readonly string _old = SigningKeyRing.GenerateEntry();
    private readonly string _new = SigningKeyRing.GenerateEntry();
    private readonly string _retired = SigningKeyRing.GenerateEntry();
    private readonly HealthCodesFactory _factory;

    public KeyRotationTests()
    {
        using var retired = ECDsa.Create();
        retired.ImportPkcs8PrivateKey(Convert.FromBase64String(_retired.Split(':')[1]), out _);
        _factory = (HealthCodesFactory)new HealthCodesFactory()
            .With(SigningKeyRing.KeysSetting, _old + ";" + _new)
            .With(SigningKeyRing.VerifyOnlySetting, _retired.Split(':')[0] + ":" + Convert.ToBase64String(retired.ExportSubjectPublicKeyInfo()));
    }

    private string SignWith(string entry, long personId)
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(entry.Split(':')[1]), out _);
        var now = _factory.Clock.GetUtcNow();
        var signed = CodePayload.EncodeSigned(new CodeClaims(CodeType.HealthCode, Convert.ToUInt32(entry.Split(':')[0], 16), (ulong)personId,
            HealthColor.Green, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()), DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + 60)));
        var signature = key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        EcdsaLowS.Normalise(signature); // as every MiniCode signer does: the high-S twin is refused
        return CodePayload.ToText(signed, signature);
    }

    [Fact]
    public async Task New_key_signs_while_old_and_retired_keys_still_verify()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        var scanner = (await _factory.ScannerAsync()).Client;

        var current = (await citizen.CodeAsync()).GetProperty("payload").GetString()!;
        Assert.True(CodePayload.TryParse(current, out var claims, out _, out _));
        Assert.Equal(_new.Split(':')[0], CodePayload.KeyIdText(claims.KeyId));

        var jwks = await HttpAssert.Ok(await _factory.CreateClient().GetAsync("/api/keys"));
        var kids = jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToHashSet();
        Assert.True(kids.SetEquals([_old.Split(':')[0], _new.Split(':')[0], _retired.Split(':')[0]]));

        foreach (var payload in new[] { current, SignWith(_old, citizen.PersonId!.Value), SignWith(_retired, citizen.PersonId!.Value) })
            Assert.True((await scanner.VerifyAsync(payload)).GetProperty("valid").GetBoolean());
    }

    [Theory]
    [InlineData("0000000A:bm90IGEga2V5", "the key of entry 0000000A is not valid")] // base64 of "not a key"
    [InlineData("0000000A:%%%", "the key of entry 0000000A is not valid")]
    [InlineData("1:{key}", "8 hex digits")]
    [InlineData("0000000A:{key}:2026-13-40", "must be yyyy-MM-dd")]
    public void A_malformed_signing_key_stops_the_start_naming_the_entry(string entry, string reason)
    {
        using var host = new MiniCodeFactory().With(SigningKeyRing.KeysSetting, entry.Replace("{key}", _old.Split(':')[1]));
        var message = Assert.ThrowsAny<Exception>(() => host.CreateClient()).ToString();
        Assert.Contains(SigningKeyRing.KeysSetting, message);
        Assert.Contains(reason, message);
        Assert.DoesNotContain(_old.Split(':')[1], message); // the key material never reaches a log
    }

    public void Dispose() => _factory.Dispose();
}
