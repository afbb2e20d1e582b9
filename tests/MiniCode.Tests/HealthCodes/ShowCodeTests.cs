using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>制码/亮码: the signed payload, its images, the published keys, and no database writes on the hot path.</summary>
public sealed class ShowCodeTests : IClassFixture<HealthCodesFactory>
{
    private readonly HealthCodesFactory _factory;
    public ShowCodeTests(HealthCodesFactory factory) => _factory = factory;

    [Fact]
    public async Task Code_has_payload_colour_badges_times_and_style()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        var code = await citizen.CodeAsync();
        var payload = code.GetProperty("payload").GetString()!;
        Assert.StartsWith("MC1:", payload);
        Assert.Equal(120, payload.Length);
        Assert.Equal("green", code.GetProperty("color").GetString());
        Assert.Equal("none", code.GetProperty("reasons")[0].GetProperty("code").GetString());
        var issued = code.GetProperty("issuedAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromSeconds(60), code.GetProperty("expiresAt").GetDateTimeOffset() - issued);
        Assert.Equal("none", code.GetProperty("badges").GetProperty("vaccination").GetString());
        Assert.Equal("health_code", code.GetProperty("style").GetProperty("type").GetString());
        Assert.True(CodePayload.TryParse(payload, out var claims, out _, out _));
        Assert.Equal((ulong)citizen.PersonId!.Value, claims.SubjectId);
        Assert.Equal(HealthColor.Green, claims.Color);
    }

    [Fact]
    public async Task Live_code_verifies_with_plain_ECDsa_and_the_published_JWKS()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        var payload = (await citizen.CodeAsync()).GetProperty("payload").GetString()!;
        var response = await _factory.CreateClient().GetAsync("/api/keys");
        var jwks = await HttpAssert.Ok(response);
        Assert.Equal("ES256", jwks.GetProperty("keys")[0].GetProperty("alg").GetString());
        Assert.Null(PayloadVectorTests.IndependentVerify(payload, jwks, _factory.Clock.GetUtcNow(), out _));
        Assert.Equal("expired", PayloadVectorTests.IndependentVerify(payload, jwks, _factory.Clock.GetUtcNow().AddSeconds(60), out _));
    }

    [Theory]
    [InlineData("/api/me/code.png", ".png", "image/png")]
    [InlineData("/api/me/code.svg", ".svg", "image/svg+xml")]
    public async Task Images_decode_with_zbarimg_to_a_valid_payload(string url, string extension, string mediaType)
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync("110105", 36.5m, "咳嗽"); // yellow: the lightest colour must scan too
        var response = await citizen.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("yellow", response.Headers.GetValues("X-Code-Color").Single());
        var image = await response.Content.ReadAsByteArrayAsync();
        if (extension == ".svg") image = await _factory.WithServiceAsync<MiniCode.Features.Rendering.ISvgConverter, byte[]>(c =>
            c.ConvertAsync(System.Text.Encoding.UTF8.GetString(image), MiniCode.Features.Rendering.SvgOutput.Png, 600, CancellationToken.None));
        var text = HealthCodeKit.Zbar(image, ".png");
        var verified = await (await _factory.ScannerAsync()).Client.VerifyAsync(text);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("yellow", verified.GetProperty("color").GetString());
    }

    [Fact]
    public async Task Svg_converts_to_a_pdf_whose_code_still_scans()
    {
        var qr = await _factory.WithServiceAsync<MiniCode.Features.Rendering.IQrCodeRenderer, string>(r => Task.FromResult(r.Svg("MC1:test-poster", new(10))));
        var pdf = await _factory.WithServiceAsync<MiniCode.Features.Rendering.ISvgConverter, byte[]>(c => c.ConvertAsync(qr, MiniCode.Features.Rendering.SvgOutput.Pdf, null, CancellationToken.None));
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var dir = Directory.CreateTempSubdirectory("minicode-pdf");
        try
        {
            File.WriteAllBytes(Path.Combine(dir.FullName, "a.pdf"), pdf);
            using (var p = System.Diagnostics.Process.Start("pdftoppm", ["-png", "-r", "100", Path.Combine(dir.FullName, "a.pdf"), Path.Combine(dir.FullName, "page")])) p.WaitForExit();
            var png = Directory.GetFiles(dir.FullName, "page*.png").Single();
            Assert.Equal("MC1:test-poster", HealthCodeKit.Zbar(File.ReadAllBytes(png), ".png"));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public async Task Showing_a_code_writes_nothing_to_the_database_and_views_are_counted_in_batches()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        await citizen.CodeAsync();
        var before = await Snapshot(citizen.PersonId!.Value);
        for (var i = 0; i < 5; i++) await citizen.CodeAsync();
        Assert.Equal(before, await Snapshot(citizen.PersonId!.Value));

        var flusher = _factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<CodeUsageFlushService>().Single();
        await flusher.FlushAsync(CancellationToken.None);
        var shown = await _factory.QueryAsync(db => db.Set<CodeUsageDaily>().Where(c => c.Metric == "shown" && c.CodeType == "health_code").SumAsync(c => c.Count));
        Assert.True(shown >= 6);
    }

    private Task<string> Snapshot(long personId) => _factory.QueryAsync(async db =>
    {
        var status = await db.Set<HealthStatus>().AsNoTracking().SingleAsync(s => s.PersonId == personId);
        return $"{status.ComputedAt:O}|{await db.Set<ColorChange>().CountAsync()}|{await db.Set<CodeUsageDaily>().CountAsync()}";
    });
}
