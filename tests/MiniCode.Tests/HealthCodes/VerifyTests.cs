using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Security.Cryptography;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>验码: valid codes, and each precise reason a code is refused. Own host per test: they move the clock.</summary>
public sealed class VerifyTests : IDisposable
{
    private readonly HealthCodesFactory _factory = new();

    private async Task<(TestUser Citizen, string Payload, HttpClient Scanner)> ArrangeAsync()
    {
        var citizen = await _factory.CitizenAsync("王小明");
        await citizen.DeclareAsync();
        var payload = (await citizen.CodeAsync()).GetProperty("payload").GetString()!;
        return (citizen, payload, (await _factory.ScannerAsync()).Client);
    }

    [Fact]
    public async Task Valid_code_answers_current_colour_and_masked_name()
    {
        var (_, payload, scanner) = await ArrangeAsync();
        var r = await scanner.VerifyAsync(payload);
        Assert.True(r.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKindNull, r.GetProperty("reason").ValueKind);
        Assert.Equal("green", r.GetProperty("color").GetString());
        Assert.Equal("health_code", r.GetProperty("type").GetString());
        Assert.Equal(MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskName("王小明"), r.GetProperty("maskedName").GetString());
        Assert.Equal(JsonValueKindNull, r.GetProperty("portraitReference").ValueKind);
        // Partner systems verify with their API key.
        Assert.True((await _factory.Partner().VerifyAsync(payload)).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Codes_are_signed_low_S_and_the_high_S_twin_of_a_valid_code_is_refused()
    {
        var (_, payload, scanner) = await ArrangeAsync();
        Assert.True(CodePayload.TryParse(payload, out _, out var signed, out var signature));
        var twin = CodePayload.ToText(signed, EcdsaLowS.Twin(signature));
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var jwk = (await HttpAssert.Ok(await _factory.CreateClient().GetAsync("/api/keys"))).GetProperty("keys")[0];
            key.ImportParameters(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Base64UrlDecode(jwk.GetProperty("x").GetString()!), Y = Base64UrlDecode(jwk.GetProperty("y").GetString()!) },
            });
            // The twin is a valid ECDSA signature as such: only the low-S rule tells it apart.
            Assert.True(key.VerifyData(signed, EcdsaLowS.Twin(signature), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        }
        Assert.Equal("bad_signature", (await scanner.VerifyAsync(twin)).GetProperty("reason").GetString());
        Assert.True((await scanner.VerifyAsync(payload)).GetProperty("valid").GetBoolean());

        // Half of all ECDSA signatures have a high s; none of the server's may.
        var signer = _factory.Services.GetRequiredService<CodeSigner>();
        for (var i = 0; i < 32; i++)
        {
            var (text, _) = signer.Sign(CodeType.HealthCode, 1000 + i, HealthColor.Green, _factory.Clock.GetUtcNow(), TimeSpan.FromMinutes(1));
            Assert.True(CodePayload.TryParse(text, out _, out _, out var s));
            Assert.True(EcdsaLowS.IsLowS(s), text);
        }
    }

    private static byte[] Base64UrlDecode(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/') + new string('=', (4 - s.Length % 4) % 4));

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Tampered_malformed_expired_and_unknown_key_are_refused_with_their_reason()
    {
        var (citizen, payload, scanner) = await ArrangeAsync();
        Assert.True(CodePayload.TryParse(payload, out var claims, out var signed, out var signature));

        signed[14] = (byte)HealthColor.Red; // a forged colour with the original signature
        Assert.Equal("bad_signature", (await scanner.VerifyAsync(CodePayload.ToText(signed, signature))).GetProperty("reason").GetString());
        Assert.Equal("malformed", (await scanner.VerifyAsync("MC1:not-a-code")).GetProperty("reason").GetString());
        Assert.Equal("malformed", (await scanner.VerifyAsync("https://example.com/green.png")).GetProperty("reason").GetString());

        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var foreign = CodePayload.EncodeSigned(claims with { KeyId = claims.KeyId ^ 0xFFFF });
        var foreignText = CodePayload.ToText(foreign, stranger.SignData(foreign, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Equal("unknown_key", (await scanner.VerifyAsync(foreignText)).GetProperty("reason").GetString());

        _factory.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.True((await scanner.VerifyAsync(payload)).GetProperty("valid").GetBoolean());
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await scanner.VerifyAsync(payload);
        Assert.False(expired.GetProperty("valid").GetBoolean());
        Assert.Equal("expired", expired.GetProperty("reason").GetString());
        _ = citizen;
    }

    [Fact]
    public async Task A_worsened_colour_revokes_codes_issued_before_it()
    {
        var (citizen, payload, scanner) = await ArrangeAsync();
        _factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await _factory.WithServiceAsync<HealthFactsRecorder, HealthStatus>(r => r.RecordTemperatureAsync(citizen.PersonId!.Value, 38.2m, "scanner:1", CancellationToken.None));
        var r = await scanner.VerifyAsync(payload);
        Assert.False(r.GetProperty("valid").GetBoolean());
        Assert.Equal("revoked", r.GetProperty("reason").GetString());
        Assert.Equal("yellow", r.GetProperty("color").GetString());

        var fresh = await citizen.CodeAsync();
        Assert.Equal("yellow", fresh.GetProperty("color").GetString());
        Assert.True((await scanner.VerifyAsync(fresh.GetProperty("payload").GetString()!)).GetProperty("valid").GetBoolean());

        // A normal temperature registered later turns the code green again.
        await _factory.WithServiceAsync<HealthFactsRecorder, HealthStatus>(r => r.RecordTemperatureAsync(citizen.PersonId!.Value, 36.4m, "scanner:1", CancellationToken.None));
        Assert.Equal("green", await citizen.ColorAsync());
    }

    [Fact]
    public async Task Only_scanners_and_partners_verify_and_bad_input_is_400()
    {
        var (citizen, payload, scanner) = await ArrangeAsync();
        await HttpAssert.Problem(await citizen.Client.PostJson("/api/codes/verify", new { payload }), HttpStatusCode.Forbidden, "auth.forbidden");
        await HttpAssert.Problem(await _factory.CreateClient().PostJson("/api/codes/verify", new { payload }), HttpStatusCode.Unauthorized, "auth.unauthorized");
        var wrongKey = _factory.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", "nope");
        await HttpAssert.Problem(await wrongKey.PostJson("/api/codes/verify", new { payload }), HttpStatusCode.Unauthorized, "auth.api_key_invalid");
        await HttpAssert.Problem(await scanner.PostJson("/api/codes/verify", new { }), HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public async Task Verifications_are_counted()
    {
        var (_, payload, scanner) = await ArrangeAsync();
        await scanner.VerifyAsync(payload);
        await scanner.VerifyAsync("MC1:x");
        var counters = _factory.Services.GetRequiredService<CodeUsageCounters>().Drain();
        Assert.Equal(1, counters.Where(c => c.Key.Metric == "verified.valid" && c.Key.CodeType == "health_code").Sum(c => c.Value));
        Assert.Equal(1, counters.Where(c => c.Key.Metric == "verified.malformed" && c.Key.CodeType == "unknown").Sum(c => c.Value));
    }

    public void Dispose() => _factory.Dispose();
}

/// <summary>The verify rate limit, on a host configured with a tiny budget.</summary>
public sealed class VerifyRateLimitTests : IDisposable
{
    private readonly HealthCodesFactory _factory = (HealthCodesFactory)new HealthCodesFactory().With("MiniCode:HealthCodes:VerifyPerMinute", "2");

    [Fact]
    public async Task Verification_beyond_the_budget_is_429()
    {
        var scanner = (await _factory.ScannerAsync()).Client;
        await scanner.VerifyAsync("MC1:x");
        await scanner.VerifyAsync("MC1:x");
        var response = await scanner.PostJson("/api/codes/verify", new { payload = "MC1:x" });
        await HttpAssert.Problem(response, HttpStatusCode.TooManyRequests, "common.rate_limited");
    }

    [Fact]
    public async Task Random_credentials_share_the_budget_of_their_client_address()
    {
        using var host = new HealthCodesFactory().With("MiniCode:HealthCodes:VerifyPerAddressPerMinute", "3");
        var client = host.CreateClient();
        async Task<HttpResponseMessage> Post(string credential)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/codes/verify") { Content = JsonContent.Create(new { payload = "MC1:x" }) };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer random-" + credential);
            return await client.SendAsync(request);
        }
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await Post(i.ToString(CultureInfo.InvariantCulture))).StatusCode);
        await HttpAssert.Problem(await Post("fresh"), HttpStatusCode.TooManyRequests, "common.rate_limited");
    }

    [Fact]
    public async Task One_scanner_has_one_budget_however_it_spells_its_header()
    {
        var scanner = await _factory.ScannerAsync();
        async Task<HttpResponseMessage> Post(string scheme)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/codes/verify") { Content = JsonContent.Create(new { payload = "MC1:x" }) };
            request.Headers.TryAddWithoutValidation("Authorization", scheme + " " + scanner.Token);
            return await _factory.CreateClient().SendAsync(request);
        }
        await HttpAssert.Ok(await Post("Bearer"));
        await HttpAssert.Ok(await Post("bearer"));
        var third = await Post("BEARER");
        await HttpAssert.Problem(third, HttpStatusCode.TooManyRequests, "common.rate_limited");
        Assert.True(third.Headers.RetryAfter is not null, "a refused verification says when to retry");
    }

    public void Dispose() => _factory.Dispose();
}
