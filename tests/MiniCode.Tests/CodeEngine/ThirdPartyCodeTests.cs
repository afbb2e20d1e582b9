using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Cluster;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.CodeEngine;

/// <summary>第三方码: a registered issuer's prefix ‖ ES256 JWS codes verify through /api/codes/verify with keys made here.</summary>
public sealed class ThirdPartyCodeTests : IDisposable
{
    private readonly LoopbackIssuersFactory _factory = new();

    /// <summary>The issuer-keys client reaches the real loopback socket instead of the in-process simulator routing.</summary>
    private sealed class LoopbackIssuersFactory : HealthCodesFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<HttpClientFactoryOptions>(IssuerKeysRefresher.HttpClientName,
                o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = new SocketsHttpHandler())));
        }
    }
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _factory.Dispose();
        _key.Dispose();
    }

    public static string Jwks(ECDsa key, string kid)
    {
        var p = key.ExportParameters(false);
        return JsonSerializer.Serialize(new { keys = new[] { new { kty = "EC", crv = "P-256", kid, alg = "ES256", use = "sig", x = Base64Url.Encode(p.Q.X), y = Base64Url.Encode(p.Q.Y) } } });
    }

    public static string Code(ECDsa key, string prefix, string kid, string sub, DateTimeOffset iat, DateTimeOffset exp, string alg = "ES256")
    {
        var header = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg, kid, typ = "JWT" }));
        var claims = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(new { sub, iat = iat.ToUnixTimeSeconds(), exp = exp.ToUnixTimeSeconds(), name = "某某证照" }));
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + claims), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return prefix + header + "." + claims + "." + Base64Url.Encode(signature);
    }

    [Fact]
    public async Task Inline_JWKS_issuer_codes_verify_with_category_and_issuer_and_fail_like_MC1()
    {
        await RegisterAsync("HXM1:", IssuerKeySource.Inline, Jwks(_key, "k1"), null);
        var now = _factory.Clock.GetUtcNow();
        var scanner = (await _factory.ScannerAsync()).Client;
        var ok = await scanner.VerifyAsync(Code(_key, "HXM1:", "k1", "licence-42", now, now.AddMinutes(10)));
        Assert.True(ok.GetProperty("valid").GetBoolean());
        Assert.Equal("transit", ok.GetProperty("category").GetString());
        Assert.Equal("交通码中心", ok.GetProperty("issuer").GetString());
        Assert.Equal("third_party", ok.GetProperty("type").GetString());
        Assert.Equal("licence-42", ok.GetProperty("externalSubject").GetString());

        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Equal("bad_signature", Reason(await scanner.VerifyAsync(Code(stranger, "HXM1:", "k1", "x", now, now.AddMinutes(10)))));
        Assert.Equal("unknown_key", Reason(await scanner.VerifyAsync(Code(_key, "HXM1:", "k9", "x", now, now.AddMinutes(10)))));
        Assert.Equal("malformed", Reason(await scanner.VerifyAsync(Code(_key, "HXM1:", "k1", "x", now, now.AddMinutes(10), alg: "HS256"))));
        Assert.Equal("malformed", Reason(await scanner.VerifyAsync("HXM1:not-a-jws")));
        Assert.Equal("expired", Reason(await scanner.VerifyAsync(Code(_key, "HXM1:", "k1", "x", now.AddMinutes(-20), now.AddMinutes(-10)))));
        // MiniCode's own codes and unknown prefixes keep their answers.
        Assert.Equal("malformed", Reason(await scanner.VerifyAsync("ZZZ1:abc")));
        Assert.True((await scanner.VerifyAsync(await OwnCodeAsync())).GetProperty("valid").GetBoolean());

        await _factory.QueryAsync(db => db.Set<CodeIssuer>().ExecuteUpdateAsync(s => s.SetProperty(i => i.Enabled, false)));
        await _factory.Services.GetRequiredService<IClusterSignals>().PublishAsync(ThirdPartyCodeVerifier.IssuersTopic, "HXM1:");
        var revoked = await scanner.VerifyAsync(Code(_key, "HXM1:", "k1", "licence-42", now, now.AddMinutes(10)));
        Assert.Equal("revoked", Reason(revoked));
        Assert.Equal("transit", revoked.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Url_issuer_keys_are_fetched_by_the_job_and_refused_past_the_stale_limit()
    {
        await using var jwksServer = new JwksServer(Jwks(_key, "u1"));
        var url = jwksServer.Url;
        var issuerId = await RegisterAsync("YYM2:", IssuerKeySource.Url, null, url);
        var scanner = (await _factory.ScannerAsync()).Client;
        var now = _factory.Clock.GetUtcNow();
        // Not fetched yet: no keys to judge by.
        var before = await scanner.PostAsJsonAsync("/api/codes/verify", new { payload = Code(_key, "YYM2:", "u1", "a", now, now.AddHours(1)) });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.NotNull(before.Headers.RetryAfter);

        var fetched = await RunJobAsync();
        Assert.True(fetched == 1, url + ": " + await _factory.QueryAsync(db => db.Set<CodeIssuer>().Where(i => i.Id == issuerId).Select(i => i.LastFetchError).SingleAsync()));
        Assert.True((await scanner.VerifyAsync(Code(_key, "YYM2:", "u1", "a", now, now.AddHours(1)))).GetProperty("valid").GetBoolean());

        // The issuer goes away: the job keeps the last keys and records the error; past the stale limit they are refused.
        await jwksServer.StopAsync();
        _factory.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await RunJobAsync());
        now = _factory.Clock.GetUtcNow();
        Assert.True((await scanner.VerifyAsync(Code(_key, "YYM2:", "u1", "a", now, now.AddHours(1)))).GetProperty("valid").GetBoolean());
        Assert.NotNull(await _factory.QueryAsync(db => db.Set<CodeIssuer>().Where(i => i.Id == issuerId).Select(i => i.LastFetchError).SingleAsync()));
        _factory.Clock.Advance(TimeSpan.FromHours(2));
        now = _factory.Clock.GetUtcNow();
        var stale = await scanner.PostAsJsonAsync("/api/codes/verify", new { payload = Code(_key, "YYM2:", "u1", "a", now, now.AddHours(1)) });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stale.StatusCode);
        Assert.Equal("codes.issuer_keys_unavailable", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private static string? Reason(JsonElement verified)
    {
        Assert.False(verified.GetProperty("valid").GetBoolean());
        return verified.GetProperty("reason").GetString();
    }

    private async Task<string> OwnCodeAsync()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        return (await citizen.CodeAsync()).GetProperty("payload").GetString()!;
    }

    private Task<int> RunJobAsync() => _factory.WithServiceAsync<RefreshIssuerKeysJob, int>(async j => (await j.ExecuteAsync(default)).ItemsProcessed);

    private async Task<long> RegisterAsync(string prefix, IssuerKeySource source, string? jwks, string? url)
    {
        _ = _factory.Server;
        var id = await _factory.QueryAsync(async db =>
        {
            if (!await db.Set<CodeCategory>().AnyAsync(c => c.Code == "transit"))
                db.Add(new CodeCategory { Code = "transit", Name = "交通码", CreatedAt = _factory.Clock.GetUtcNow() });
            var issuer = new CodeIssuer { Name = "交通码中心", Category = "transit", Prefix = prefix, KeySource = source, JwksDocument = jwks, JwksUrl = url, Enabled = true,
                CreatedAt = _factory.Clock.GetUtcNow(), UpdatedAt = _factory.Clock.GetUtcNow() };
            db.Add(issuer);
            await db.SaveChangesAsync();
            return issuer.Id;
        });
        await _factory.Services.GetRequiredService<IClusterSignals>().PublishAsync(ThirdPartyCodeVerifier.IssuersTopic, prefix);
        return id;
    }

    /// <summary>An issuer's JWKS endpoint on the loopback interface: answers every request with the document.</summary>
    private sealed class JwksServer : IAsyncDisposable
    {
        private readonly System.Net.Sockets.TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private readonly Task loop;

        public JwksServer(string document)
        {
            listener.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/jwks.json";
            var body = Encoding.UTF8.GetBytes(document);
            loop = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    await using var stream = client.GetStream();
                    var buffer = new byte[8192];
                    var read = 0;
                    while (read < buffer.Length && !Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var n = await stream.ReadAsync(buffer.AsMemory(read), stop.Token);
                        if (n == 0) break;
                        read += n;
                    }
                    var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(head, stop.Token);
                    await stream.WriteAsync(body, stop.Token);
                }
            });
        }

        public string Url { get; }

        public async Task StopAsync()
        {
            await stop.CancelAsync();
            listener.Stop();
            try { await loop; } catch (OperationCanceledException) { } catch (System.Net.Sockets.SocketException) { }
        }

        public async ValueTask DisposeAsync()
        {
            if (!stop.IsCancellationRequested) await StopAsync();
            stop.Dispose();
        }
    }
}
