using System.Buffers.Binary;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.CodeStyles;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.CodeStyles;

/// <summary>码样式: one active style per category and colour, served from memory and applied to the rendered code.</summary>
public sealed class CodeStyleTests : IDisposable
{
    private readonly HealthCodesFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Activating_a_style_retires_the_previous_one_of_that_category_and_colour_only()
    {
        _ = _factory.Server;
        await ActivateAsync(CodeCategories.Personal, "green", "#FFFFFF", "#00A854", "leaf");
        await ActivateAsync(CodeCategories.Personal, "red", "#FFFFFF", "#F5222D", null);
        await ActivateAsync(CodeCategories.Poster, null, "#FFFFFF", "#123456", null);
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await ActivateAsync(CodeCategories.Personal, "green", "#F0FFF4", "#00A854", "shield");

        var styles = _factory.Services.GetRequiredService<ICodeStyles>();
        Assert.Equal(new CodeLook("#00A854", "#F0FFF4", "shield"), await styles.FindAsync(CodeCategories.Personal, "green", default));
        Assert.Equal("#F5222D", (await styles.FindAsync(CodeCategories.Personal, "red", default))!.Foreground);
        Assert.Null(await styles.FindAsync(CodeCategories.Personal, "yellow", default));
        Assert.Equal("#123456", (await styles.FindAsync(CodeCategories.Poster, null, default))!.Foreground);
        Assert.Equal("#123456", (await styles.FindAsync(CodeCategories.Poster, "green", default))!.Foreground); // the category's style for every colour
        var greens = await _factory.QueryAsync(db => db.Set<CodeStyle>().Where(s => s.Category == "personal" && s.Color == "green").OrderBy(s => s.Id).ToListAsync());
        Assert.False(greens[0].Active);
        Assert.Equal(_factory.Clock.GetUtcNow(), greens[0].RetiredAt);
        Assert.True(greens[1].Active);
        var audit = await _factory.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "codestyle.activate" && e.TargetId == "personal:green").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.Contains("leaf", audit[1].Before);
        Assert.Contains("shield", audit[1].After);
    }

    [Fact]
    public async Task A_new_style_colours_the_shown_code_its_json_and_its_png()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        var before = await citizen.Client.GetByteArrayAsync("/api/me/code.png");
        Assert.NotEqual((0x12, 0x34, 0x56), PngPalette(before).Dark);

        await ActivateAsync(CodeCategories.Personal, "green", "#FAFAF0", "#123456", "leaf");
        var code = await citizen.CodeAsync();
        Assert.Equal("#123456", code.GetProperty("style").GetProperty("foreground").GetString());
        Assert.Equal("#FAFAF0", code.GetProperty("style").GetProperty("background").GetString());
        Assert.Equal("leaf", code.GetProperty("style").GetProperty("icon").GetString());
        var png = await citizen.Client.GetByteArrayAsync("/api/me/code.png");
        var palette = PngPalette(png);
        Assert.Equal((0x12, 0x34, 0x56), palette.Dark);
        Assert.Equal((0xFA, 0xFA, 0xF0), palette.Light);
        var verified = await (await _factory.ScannerAsync()).Client.VerifyAsync(HealthCodeKit.Zbar(png, ".png"));
        Assert.True(verified.GetProperty("valid").GetBoolean());
        // Another colour keeps the configured look.
        await ActivateAsync(CodeCategories.Personal, "red", "#FFFFFF", "#AA0000", null);
        Assert.Equal("#123456", (await citizen.CodeAsync()).GetProperty("style").GetProperty("foreground").GetString());
    }

    [Fact]
    public async Task A_change_made_on_another_node_shows_within_the_cache_lifetime()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        Assert.NotEqual("#654321", (await citizen.CodeAsync()).GetProperty("style").GetProperty("foreground").GetString());
        // Written behind the cache's back (as another node would, its signal lost): the next re-read picks it up.
        await _factory.QueryAsync(async db =>
        {
            db.Add(new CodeStyle { Category = "personal", Color = "green", BackgroundColor = "#FFFFFF", ForegroundColor = "#654321", Active = true, CreatedAt = _factory.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        _factory.Clock.Advance(CodeStyleCache.Lifetime + TimeSpan.FromSeconds(1));
        Assert.True(CodeStyleCache.Lifetime <= TimeSpan.FromSeconds(60));
        Assert.Equal("#654321", (await citizen.CodeAsync()).GetProperty("style").GetProperty("foreground").GetString());
    }

    private Task<CodeStyle> ActivateAsync(string category, string? color, string background, string foreground, string? icon) =>
        _factory.WithServiceAsync<CodeStyleProvider, CodeStyle>(p => p.ActivateAsync("staff:1", category, color, background, foreground, icon, default));

    /// <summary>The first two palette entries of an indexed PNG (QRCoder writes dark, then light).</summary>
    public static ((int, int, int) Dark, (int, int, int) Light) PngPalette(byte[] png)
    {
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "PLTE")
            {
                var d = at + 8;
                return ((png[d], png[d + 1], png[d + 2]), (png[d + 3], png[d + 4], png[d + 5]));
            }
            at += 12 + length;
        }
        throw new Xunit.Sdk.XunitException("The PNG has no palette");
    }
}
