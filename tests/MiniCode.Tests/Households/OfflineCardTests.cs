using System.Net;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Households.OfflineCards;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Households;

/// <summary>离线码: issue, render (PNG, A6 and A4 PDF whose QR scans), verify, revoke and expire. Own host per test: they move the clock.</summary>
public sealed class OfflineCardTests : IDisposable
{
    private readonly HealthCodesFactory _factory = new();

    private async Task<(TestUser User, System.Text.Json.JsonElement Card)> IssueOwnAsync(string name = "黄离线")
    {
        var user = await _factory.CitizenAsync(name);
        await user.DeclareAsync();
        var card = await HttpAssert.Ok(await user.Client.PostJson("/api/me/offline-cards", new { }), HttpStatusCode.Created);
        return (user, card);
    }

    [Fact]
    public async Task Card_is_valid_30_days_and_its_qr_scans_from_png_and_both_pdfs()
    {
        var (user, card) = await IssueOwnAsync();
        Assert.Equal(MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskName("黄离线"), card.Str("name"));
        Assert.Equal("green", card.Str("color"));
        Assert.Equal("active", card.Str("status"));
        Assert.Equal(TimeSpan.FromDays(30), card.GetProperty("expiresAt").GetDateTimeOffset() - card.GetProperty("issuedAt").GetDateTimeOffset());
        var payload = card.Str("payload");

        var png = await user.Client.GetAsync(card.Str("pngPath"));
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(payload, HealthCodeKit.Zbar(await png.Content.ReadAsByteArrayAsync(), ".png"));

        var pdf = await (await user.Client.GetAsync(card.Str("cardPdfPath"))).Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var (w, h) = HouseholdsKit.PdfPageSize(pdf);
        Assert.InRange(w, 297, 299); // A6: 105 × 148 mm = 297.6 × 419.5 pt
        Assert.InRange(h, 419, 420);
        Assert.Equal(payload, HealthCodeKit.Zbar(HouseholdsKit.PdfToPng(pdf), ".png"));

        var sheet = await (await user.Client.GetAsync(card.Str("sheetPdfPath"))).Content.ReadAsByteArrayAsync();
        var (sw, sh) = HouseholdsKit.PdfPageSize(sheet);
        Assert.InRange(sw, 595, 596); // A4
        Assert.InRange(sh, 841, 842);
        Assert.StartsWith(payload, HealthCodeKit.Zbar(HouseholdsKit.PdfToPng(sheet, 150), ".png"));

        var verified = await _factory.Partner().VerifyAsync(payload);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("offline_card", verified.Str("type"));
        Assert.Equal("active", (await HttpAssert.Ok(await user.Client.GetAsync("/api/me/offline-cards"))).EnumerateArray().Single().Str("status"));

        // Rendered once, then served from the cache.
        var cached = Directory.GetFiles(Path.Combine(_factory.WorkDir, "data", "offline-cards"));
        Assert.Equal(3, cached.Length);
        Assert.All(cached, f => Assert.True(MiniCode.Infrastructure.Security.PersonalDataProtector.IsEncryptedBytes(File.ReadAllBytes(f)), "a card shows a name and a photo: encrypted at rest"));
        Assert.Equal(await png.Content.ReadAsByteArrayAsync(), await (await user.Client.GetAsync(card.Str("pngPath"))).Content.ReadAsByteArrayAsync());

        _factory.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.True((await _factory.Partner().VerifyAsync(payload)).GetProperty("valid").GetBoolean());
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("expired", (await _factory.Partner().VerifyAsync(payload)).Str("reason"));
    }

    [Fact]
    public async Task Worsened_colour_revokes_the_card_and_publishes_it()
    {
        var (user, card) = await IssueOwnAsync("黄吊销");
        var payload = card.Str("payload");
        Assert.Empty((await HttpAssert.Ok(await _factory.CreateClient().GetAsync("/api/offline-cards/revocations"))).GetProperty("cards").EnumerateArray());

        _factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await _factory.WithServiceAsync<HealthFactsRecorder, HealthStatus>(r => r.RecordTemperatureAsync(user.PersonId!.Value, 38.2m, "scanner:1", default));

        var list = await HttpAssert.Ok(await _factory.CreateClient().GetAsync("/api/offline-cards/revocations"));
        var revoked = Assert.Single(list.GetProperty("cards").EnumerateArray());
        Assert.Equal(OfflineCardService.Hash(payload), revoked.Str("payloadSha256"));
        var verified = await _factory.Partner().VerifyAsync(payload);
        Assert.False(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("revoked", verified.Str("reason"));
        await HttpAssert.Problem(await user.Client.GetAsync(card.Str("pngPath")), HttpStatusCode.Gone, "offline_cards.expired");

        // A new card carries the new colour and is valid.
        var fresh = await HttpAssert.Ok(await user.Client.PostJson("/api/me/offline-cards", new { }), HttpStatusCode.Created);
        Assert.Equal("yellow", fresh.Str("color"));
        Assert.True((await _factory.Partner().VerifyAsync(fresh.Str("payload"))).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Relatives_card_is_revoked_when_the_relative_is_removed_and_hidden_from_others()
    {
        var holder = await _factory.CitizenAsync("何家长");
        var rid = await holder.AddRelativeAsync("何老人");
        var card = await HttpAssert.Ok(await holder.Client.PostJson("/api/me/offline-cards", new { relativeId = rid }), HttpStatusCode.Created);
        Assert.Equal(MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskName("何老人"), card.Str("name"));
        var other = await _factory.CitizenAsync("何外人");
        await HttpAssert.Problem(await other.Client.GetAsync(card.Str("pngPath")), HttpStatusCode.NotFound, "offline_cards.not_found");
        Assert.True((await _factory.Partner().VerifyAsync(card.Str("payload"))).GetProperty("valid").GetBoolean());

        _factory.Clock.Advance(TimeSpan.FromHours(24));
        await HttpAssert.Ok(await holder.Client.DeleteAsync($"/api/me/relatives/{rid}"), HttpStatusCode.NoContent);
        Assert.Equal("revoked", (await _factory.Partner().VerifyAsync(card.Str("payload"))).Str("reason"));
        await HttpAssert.Problem(await holder.Client.GetAsync(card.Str("pngPath")), HttpStatusCode.NotFound, "offline_cards.not_found");
    }

    [Fact]
    public async Task A_revoked_card_stays_revoked_under_another_signature_of_the_same_bytes()
    {
        var holder = await _factory.CitizenAsync("何重签");
        var rid = await holder.AddRelativeAsync("何老二");
        var card = await HttpAssert.Ok(await holder.Client.PostJson("/api/me/offline-cards", new { relativeId = rid }), HttpStatusCode.Created);
        _factory.Clock.Advance(TimeSpan.FromHours(24));
        await HttpAssert.Ok(await holder.Client.DeleteAsync($"/api/me/relatives/{rid}"), HttpStatusCode.NoContent);

        Assert.True(CodePayload.TryParse(card.Str("payload"), out var claims, out var signed, out var signature));
        var twin = CodePayload.ToText(signed, EcdsaLowS.Twin(signature));
        // The revocation list itself matches what is signed, not the text (the twin is refused anyway, as high-S).
        Assert.True(await _factory.WithServiceAsync<ICodeRevocationList, bool>(list => list.IsRevokedAsync(twin, claims, default)));
        Assert.Equal("bad_signature", (await _factory.Partner().VerifyAsync(twin)).Str("reason"));
        var published = Assert.Single((await HttpAssert.Ok(await _factory.CreateClient().GetAsync("/api/offline-cards/revocations"))).GetProperty("cards").EnumerateArray());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(signed)), published.Str("signedSha256"));
    }

    [Fact]
    public async Task Card_never_outlives_the_signing_key()
    {
        var entry = MiniCode.Features.HealthCodes.Signing.SigningKeyRing.GenerateEntry() + ":2026-12-05";
        using var factory = new HealthCodesFactory();
        factory.With(MiniCode.Features.HealthCodes.Signing.SigningKeyRing.KeysSetting, entry);
        var user = await factory.CitizenAsync("黄密钥");
        await user.DeclareAsync();
        var card = await HttpAssert.Ok(await user.Client.PostJson("/api/me/offline-cards", new { }), HttpStatusCode.Created);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero), card.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Card_needs_a_declaration()
    {
        var user = await _factory.CitizenAsync("黄未报");
        await HttpAssert.Problem(await user.Client.PostJson("/api/me/offline-cards", new { }), HttpStatusCode.Conflict, "codes.declaration_required");
    }

    public void Dispose() => _factory.Dispose();
}
