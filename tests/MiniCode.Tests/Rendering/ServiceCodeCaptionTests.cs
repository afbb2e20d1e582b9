using System.Text.Json;
using MiniCode.Features.Appointments;
using MiniCode.Features.CodeStyles;
using MiniCode.Features.Enterprises;
using MiniCode.Features.Errands;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Licences;
using MiniCode.Features.Rendering;
using MiniCode.Tests.Appointments;
using MiniCode.Tests.CodeStyles;
using MiniCode.Tests.Enterprises;
using MiniCode.Tests.Errands;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Households;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Licences;

namespace MiniCode.Tests.Rendering;

/// <summary>
/// 码编号 and 码样式 on the 企业码, 证照码, 授权码 and 预约码: the number issued once from the category's rule and stored on
/// the record, in the JSON answer and printed under the QR (PNG caption, SVG text); the category's active style in the
/// JSON, PNG and SVG, and a new style visible on the next code.
/// </summary>
public sealed class ServiceCodeCaptionTests
{
    [Fact]
    public async Task Enterprise_codes_carry_the_enterprise_number_and_the_enterprise_style()
    {
        using var host = new HealthCodesFactory();
        var legal = await host.CitizenAsync("欧阳编号");
        var credit = EnterprisesKit.NewCreditCode("220102");
        await host.RegisterAsync(credit, "长春市南关区编号科技有限公司", "220102", legal);
        var binding = await legal.BoundAsync("长春市南关区编号科技有限公司", credit, "legalRepresentative");

        var number = await AssertMarkedAsync(host, legal.Client, $"/api/me/enterprises/{binding}", CodeCategories.Enterprise, "QY220102",
            () => host.QueryAsync(db => db.Set<Enterprise>().Where(e => e.CreditCode == credit).Select(e => e.CodeNumber).SingleAsync()));
        Assert.Equal(number, (await HttpAssert.Ok(await legal.Client.GetAsync($"/api/me/enterprises/{binding}/code"))).Str("codeNumber"));
    }

    [Fact]
    public async Task Licence_codes_carry_the_binding_number_and_the_licence_style()
    {
        using var host = new HealthCodesFactory();
        var citizen = await host.CitizenAsync("张编号");
        await host.IssuerRecordAsync(LicenceKit.IdCredential, citizen.IdNumber!);
        var id = (await citizen.BoundAsync(LicenceKit.IdCredential)).GetProperty("id").GetInt64();

        await AssertMarkedAsync(host, citizen.Client, $"/api/me/licences/{id}", CodeCategories.Licence, "ZZ",
            () => host.QueryAsync(db => db.Set<LicenceBinding>().Where(b => b.Id == id).Select(b => b.CodeNumber).SingleAsync()));
    }

    [Fact]
    public async Task Authorisation_codes_carry_the_authorisation_number_and_the_authorisation_style()
    {
        using var host = new ErrandsFactory();
        var matter = await host.MatterAsync("户籍编号办理", region: "110105");
        var grantor = await host.CitizenAsync("张授编");
        var grantee = await host.CitizenAsync("李代编");
        var id = (await grantor.GrantToAsync(matter, grantee, "李代编", ErrandsKit.Today)).Id();
        await HttpAssert.Ok(await grantee.AnswerAsync(id, accept: true));

        await AssertMarkedAsync(host, grantee.Client, $"/api/me/errands/received/{id}", CodeCategories.Authorisation, "SQ110105",
            () => host.QueryAsync(db => db.Set<ErrandAuthorisation>().Where(a => a.Id == id).Select(a => a.CodeNumber).SingleAsync()));
    }

    [Fact]
    public async Task Appointment_codes_carry_the_appointment_number_and_the_appointment_style()
    {
        using var host = new HealthCodesFactory();
        var hall = await host.HallAsync("220104");
        var slot = await host.SlotAsync(hall, host.TomorrowAtNine());
        var citizen = await host.CitizenAsync("王预编");
        var id = await citizen.BookedAsync(hall, slot);

        await AssertMarkedAsync(host, citizen.Client, $"/api/me/appointments/{id}", CodeCategories.Appointment, "YY220104",
            () => host.QueryAsync(db => db.Set<Appointment>().Where(a => a.Id == id).Select(a => a.CodeNumber).SingleAsync()));
    }

    [Fact]
    public async Task Racing_first_shows_of_one_record_all_answer_the_one_number_stored()
    {
        using var host = new HealthCodesFactory();
        var hall = await host.HallAsync("220102");
        var citizen = await host.CitizenAsync("赵并发");
        var id = await citizen.BookedAsync(hall, await host.SlotAsync(hall, host.TomorrowAtNine()));

        var shown = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
            (await HttpAssert.Ok(await citizen.Client.GetAsync($"/api/me/appointments/{id}/code"))).Str("codeNumber")));
        var number = Assert.Single(shown.Distinct());
        Assert.Equal(number, await host.QueryAsync(db => db.Set<Appointment>().Where(a => a.Id == id).Select(a => a.CodeNumber).SingleAsync()));
        Assert.Equal(1, await host.QueryAsync(db => db.Set<Features.CodeEngine.CodeNumber>()
            .CountAsync(n => n.Category == CodeCategories.Appointment && n.SubjectId == id)));
    }

    /// <summary>
    /// Shows <paramref name="code"/>'s JSON, PNG and SVG under one style, then under a new one: the number (issued once,
    /// stored on the record) and the style's palette everywhere; the PNG's QR decodes to the payload the image answered
    /// with, whose claims are the JSON payload's (the clock stands still; only the ECDSA signature differs).
    /// </summary>
    private static async Task<string> AssertMarkedAsync(MiniCodeFactory host, HttpClient client, string code, string category, string prefix,
        Func<Task<string?>> stored)
    {
        Assert.Null(await stored()); // not before the first shown code
        await ActivateAsync(host, category, "#F6FBFF", "#1A4D8F");
        var json = await HttpAssert.Ok(await client.GetAsync(code + "/code"));
        var number = json.Str("codeNumber");
        Assert.StartsWith(prefix, number, StringComparison.Ordinal);
        Assert.Equal(number, await stored());
        AssertStyle(json, "#1A4D8F", "#F6FBFF");

        var response = await client.GetAsync(code + "/code.png");
        Assert.True(response.Headers.CacheControl?.NoStore);
        var png = await response.Content.ReadAsByteArrayAsync();
        var decoded = HealthCodeKit.Zbar(png, ".png");
        Assert.Equal(response.Headers.GetValues(CodeImages.PayloadHeader).Single(), decoded);
        Assert.Equal(Claims(json.Str("payload")), Claims(decoded));
        Assert.Equal(((0x1A, 0x4D, 0x8F), (0xF6, 0xFB, 0xFF)), CodeStyleTests.PngPalette(png));
        CodeCaptionTests.AssertCaption(png, number);

        var svg = await client.GetStringAsync(code + "/code.svg");
        Assert.Contains($">{number}</text>", svg, StringComparison.Ordinal);
        Assert.Contains("fill=\"#1A4D8F\"", svg, StringComparison.Ordinal);

        // A new style replaces the old one at once (the cache is told); the number stays the one issued.
        await ActivateAsync(host, category, "#FFF8E6", "#8A2B0E");
        AssertStyle(await HttpAssert.Ok(await client.GetAsync(code + "/code")), "#8A2B0E", "#FFF8E6");
        var restyled = await client.GetByteArrayAsync(code + "/code.png");
        Assert.Equal(((0x8A, 0x2B, 0x0E), (0xFF, 0xF8, 0xE6)), CodeStyleTests.PngPalette(restyled));
        CodeCaptionTests.AssertCaption(restyled, number);
        Assert.Contains("fill=\"#8A2B0E\"", await client.GetStringAsync(code + "/code.svg"), StringComparison.Ordinal);
        Assert.Equal(number, await stored());
        return number;
    }

    private static void AssertStyle(JsonElement code, string foreground, string background)
    {
        var style = code.GetProperty("style");
        Assert.Equal((foreground, background), (style.Str("foreground"), style.Str("background")));
    }

    private static (CodeType, ulong, DateTimeOffset, DateTimeOffset) Claims(string payload)
    {
        Assert.True(CodePayload.TryParse(payload, out var claims, out _, out _), payload);
        return (claims.Type, claims.SubjectId, claims.IssuedAt, claims.ExpiresAt);
    }

    private static Task<CodeStyle> ActivateAsync(MiniCodeFactory host, string category, string background, string foreground) =>
        host.WithServiceAsync<CodeStyleProvider, CodeStyle>(p => p.ActivateAsync("staff:1", category, null, background, foreground, null, default));
}
