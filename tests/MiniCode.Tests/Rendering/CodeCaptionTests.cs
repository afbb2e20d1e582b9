using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.CodeStyles;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Rendering;
using MiniCode.Tests.CodeStyles;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Households;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Posters;

namespace MiniCode.Tests.Rendering;

/// <summary>码编号 and 码样式 on every rendered code: the caption under the QR in PNG and SVG, offline cards, poster codes.</summary>
public sealed class CodeCaptionTests : IDisposable
{
    private readonly HealthCodesFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_shown_png_prints_the_code_number_under_a_qr_that_still_scans_in_the_active_style()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        await ActivateAsync(CodeCategories.Personal, "green", "#F4FFF0", "#0B6E2E");
        var number = (await citizen.CodeAsync()).Str("codeNumber");
        Assert.StartsWith("GR", number, StringComparison.Ordinal);

        var response = await citizen.Client.GetAsync("/api/me/code.png");
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("green", response.Headers.GetValues(CodeImages.ColorHeader).Single());
        var png = await response.Content.ReadAsByteArrayAsync();
        var verified = await (await _factory.ScannerAsync()).Client.VerifyAsync(HealthCodeKit.Zbar(png, ".png"));
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(((0x0B, 0x6E, 0x2E), (0xF4, 0xFF, 0xF0)), CodeStyleTests.PngPalette(png));
        AssertCaption(png, number);

        var svg = await citizen.Client.GetStringAsync("/api/me/code.svg");
        Assert.Contains($">{number}</text>", svg, StringComparison.Ordinal);
        Assert.Contains("fill=\"#0B6E2E\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poster_codes_carry_the_poster_style_and_the_venue_code_number()
    {
        await ActivateAsync(CodeCategories.Poster, null, "#FFFDF0", "#1D3C8F");
        var owner = await _factory.CitizenAsync("王大伟");
        var poster = await owner.ApplyAsync();
        var id = poster.Id();

        var png = await owner.Client.GetByteArrayAsync($"/api/posters/{id}/qr.png");
        Assert.Equal(poster.Payload(), HealthCodeKit.Zbar(png, ".png"));
        Assert.Equal(((0x1D, 0x3C, 0x8F), (0xFF, 0xFD, 0xF0)), CodeStyleTests.PngPalette(png));
        var number = await _factory.QueryAsync(db => db.Set<CodeNumber>().Where(n => n.Category == CodeCategories.Poster && n.SubjectId == id).Select(n => n.Number).SingleAsync());
        Assert.StartsWith("ZT220104", number, StringComparison.Ordinal);
        AssertCaption(png, number);
        Assert.Contains($">{number}</text>", await owner.Client.GetStringAsync($"/api/posters/{id}/qr.svg"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_cards_print_the_holder_code_number_in_the_active_style()
    {
        var user = await _factory.CitizenAsync("黄离线");
        await user.DeclareAsync();
        await ActivateAsync(CodeCategories.Personal, "green", "#FFFFFF", "#0A7D3B");
        var number = (await user.CodeAsync()).Str("codeNumber");
        var card = await HttpAssert.Ok(await user.Client.PostJson("/api/me/offline-cards", new { }), HttpStatusCode.Created);

        var pdf = await user.Client.GetByteArrayAsync(card.Str("cardPdfPath"));
        Assert.Contains(number, PosterKit.PdfText(pdf, "pdftotext"), StringComparison.Ordinal);
        Assert.Equal(card.Str("payload"), HealthCodeKit.Zbar(await user.Client.GetByteArrayAsync(card.Str("pngPath")), ".png"));
    }

    private Task<CodeStyle> ActivateAsync(string category, string? color, string background, string foreground) =>
        _factory.WithServiceAsync<CodeStyleProvider, CodeStyle>(p => p.ActivateAsync("staff:1", category, color, background, foreground, null, default));

    /// <summary>The band under the square QR holds exactly the glyphs of <paramref name="number"/> in the dark colour (index 0).</summary>
    internal static void AssertCaption(byte[] png, string number)
    {
        var (width, height, pixels) = Decode(png);
        Assert.True(height > width, "a band under the QR");
        var ppm = PixelsPerModule(pixels, width);
        var layout = CaptionLayout.For(width, width, number.Length, ppm);
        var mismatches = 0;
        for (var i = 0; i < number.Length; i++)
            for (var gy = 0; gy < CaptionFont.Height; gy++)
                for (var gx = 0; gx < CaptionFont.Width; gx++)
                {
                    var x = layout.Left + (i * CaptionFont.Advance + gx) * layout.Scale + layout.Scale / 2;
                    var y = layout.Top + gy * layout.Scale + layout.Scale / 2;
                    if ((pixels[y][x] == 0) != CaptionFont.Inked(number[i], gx, gy)) mismatches++;
                }
        Assert.Equal(0, mismatches);
        var inked = Enumerable.Range(width, height - width).Sum(y => pixels[y].Count(p => p == 0));
        Assert.True(inked > number.Length * 4, "the caption is drawn");
    }

    /// <summary>The top-left finder pattern starts after the four-module quiet zone: its first dark pixel gives the module size.</summary>
    private static int PixelsPerModule(byte[][] pixels, int width)
    {
        for (var d = 0; d < width; d++)
            if (pixels[d][d] == 0) return d / 4;
        throw new Xunit.Sdk.XunitException("no finder pattern");
    }

    /// <summary>An 8-bit palette PNG with unfiltered rows (what the captioned renderer writes) as palette indices per row.</summary>
    private static (int Width, int Height, byte[][] Pixels) Decode(byte[] png)
    {
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 8));
                height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 12));
                Assert.Equal((8, 3), (png[at + 16], png[at + 17]));
            }
            if (type == "IDAT") idat.Write(png, at + 8, length);
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var rows = new byte[height][];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * (width + 1)]);
            rows[y] = raw.AsSpan(y * (width + 1) + 1, width).ToArray();
        }
        return (width, height, rows);
    }
}
