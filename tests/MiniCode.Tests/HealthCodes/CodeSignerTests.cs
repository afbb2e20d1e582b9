using System.Numerics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Tests.HealthCodes;

/// <summary>
/// The allocation-free signer, encoder and parser (stack buffers, span signing, bytewise low-S) against references
/// written from qr-payload.md: the text of every signature is the spec's base64url of its bytes, the bytewise low-S
/// agrees with the arithmetic one, and one key signs from many threads at once.
/// </summary>
public sealed class CodeSignerTests
{
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static (CodeSigner Signer, JsonElement Jwks) NewSigner()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SigningKeyRing.KeysSetting] = SigningKeyRing.GenerateEntry(),
        }).Build();
        var ring = new SigningKeyRing(new KeyMaterialStore(settings, new HostingEnvironment { EnvironmentName = "Production" }), settings);
        var jwks = JsonSerializer.SerializeToElement(Jwks.From(ring), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return (new CodeSigner(ring), jwks);
    }

    [Fact]
    public void Every_signature_is_the_specs_text_of_its_bytes_low_s_and_valid_for_an_independent_verifier()
    {
        var (signer, jwks) = NewSigner();
        var highS = 0;
        for (var i = 0; i < 200; i++)
        {
            var (text, claims) = signer.Sign(CodeType.HealthCode, 1000 + i, (HealthColor)(i % 4), Now, TimeSpan.FromSeconds(60));
            Assert.Null(PayloadVectorTests.IndependentVerify(text, jwks, Now, out var bytes));
            // The text as the spec and the former encoder wrote it: base64 with the URL alphabet, no padding.
            Assert.Equal("MC1:" + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'), text);
            Assert.Equal(CodePayload.EncodeSigned(claims), bytes[..23]);
            Assert.Equal(SignatureCheck.Valid, signer.Check(text, out var read));
            Assert.Equal(claims, read);
            var twin = EcdsaLowS.Twin(bytes.AsSpan(23));
            // The twin is (r, n − s) computed with big integers, and it is refused.
            Assert.Equal(Order - S(bytes.AsSpan(23)), S(twin));
            Assert.False(EcdsaLowS.IsLowS(twin));
            Assert.Equal(SignatureCheck.BadSignature, signer.Check(CodePayload.ToText(bytes.AsSpan(0, 23), twin), out _));
            if (S(twin) > Order / 2) highS++;
        }
        Assert.Equal(200, highS); // every emitted s was low, so every twin is high
    }

    [Fact]
    public void Padding_white_space_and_the_standard_alphabet_are_malformed()
    {
        var (signer, _) = NewSigner();
        var text = signer.Sign(CodeType.HealthCode, 42, HealthColor.Green, Now, TimeSpan.FromSeconds(60)).Text;
        Assert.True(CodePayload.TryParse(text, out _, out _, out _));
        string[] spoiled = ["", "MC1:", " " + text[..^1], text[..^1] + "=", text[..^2] + " " + text[^1], text[..50] + "+" + text[51..],
            text[..50] + "/" + text[51..], text + "A", "mc1:" + text[4..]];
        foreach (var bad in spoiled)
        {
            Assert.False(CodePayload.TryParse(bad, out _, out _, out _), bad);
            Assert.Equal(SignatureCheck.Malformed, signer.Check(bad, out _));
        }
    }

    [Fact]
    public async Task One_key_signs_and_verifies_from_many_threads_at_once()
    {
        var (signer, jwks) = NewSigner();
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(() =>
        {
            var bad = 0;
            for (var i = 0; i < 250; i++)
            {
                var (text, _) = signer.Sign(CodeType.HealthCode, worker * 1000 + i, HealthColor.Green, Now, TimeSpan.FromSeconds(60));
                if (signer.Check(text, out _) != SignatureCheck.Valid || PayloadVectorTests.IndependentVerify(text, jwks, Now, out _) is not null) bad++;
            }
            return bad;
        })));
        Assert.All(results, bad => Assert.Equal(0, bad));
    }

    private static BigInteger S(ReadOnlySpan<byte> signature) => new(signature[32..], isUnsigned: true, isBigEndian: true);
}
