using System.Net;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Posters;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Posters;

/// <summary>Every reason a scan is refused, and the owner-only rules of applying and managing posters.</summary>
public sealed class CheckInRefusalTests : IClassFixture<PostersFactory>
{
    private readonly MiniCodeFactory _factory;
    public CheckInRefusalTests(PostersFactory factory) => _factory = factory;

    [Fact]
    public async Task Malformed_forged_and_non_poster_codes_are_refused_with_their_reason()
    {
        var owner = await _factory.CitizenAsync("冯老板");
        var poster = await owner.ApplyAsync("冯氏书店");
        var visitor = await _factory.VisitorAsync("陈访客");
        var payload = poster.Payload();

        await HttpAssert.Problem(await visitor.CheckInAsync("https://example.com/not-a-code"), HttpStatusCode.BadRequest, "posters.malformed");
        await HttpAssert.Problem(await visitor.CheckInAsync(payload[..^4]), HttpStatusCode.BadRequest, "posters.malformed");
        await HttpAssert.Problem(await visitor.CheckInAsync(""), HttpStatusCode.BadRequest, "request.validation_failed");

        // Change the poster id byte: the signature no longer matches.
        Assert.True(CodePayload.TryParse(payload, out var claims, out var signed, out var signature));
        var forged = CodePayload.ToText(CodePayload.EncodeSigned(claims with { SubjectId = claims.SubjectId + 1 }), signature);
        await HttpAssert.Problem(await visitor.CheckInAsync(forged), HttpStatusCode.BadRequest, "posters.forged");
        var otherKey = CodePayload.ToText(CodePayload.EncodeSigned(claims with { KeyId = claims.KeyId ^ 1 }), signature);
        await HttpAssert.Problem(await visitor.CheckInAsync(otherKey), HttpStatusCode.BadRequest, "posters.forged");
        // A guessed scene token.
        await HttpAssert.Problem(await visitor.CheckInAsync($"P{poster.Id()}.AAAAAAAAAAAAAAAA"), HttpStatusCode.BadRequest, "posters.forged");
        await HttpAssert.Problem(await visitor.CheckInAsync("P999999999.AAAAAAAAAAAAAAAA"), HttpStatusCode.BadRequest, "posters.forged");

        // Somebody's health code is not a venue.
        var healthCode = (await visitor.CodeAsync()).GetProperty("payload").GetString()!;
        await HttpAssert.Problem(await visitor.CheckInAsync(healthCode), HttpStatusCode.BadRequest, "posters.not_a_poster");
        Assert.Equal(0, await _factory.QueryAsync(db => db.Set<CheckIn>().CountAsync(c => c.PersonId == visitor.PersonId)));
    }

    [Fact]
    public async Task Expired_and_revoked_posters_are_refused()
    {
        var owner = await _factory.CitizenAsync("褚老板");
        var poster = await owner.ApplyAsync("褚家茶馆");
        var visitor = await _factory.VisitorAsync("卫访客");
        await _factory.WithServiceAsync<PosterAdminService, int>(async admin =>
        {
            await admin.RevokeAsync(poster.Id(), "张贴位置不符", "staff:1");
            return 0;
        });
        await HttpAssert.Problem(await visitor.CheckInAsync(poster.Payload()), HttpStatusCode.Gone, "posters.revoked");
        await HttpAssert.Problem(await visitor.CheckInAsync(poster.Scene()), HttpStatusCode.Gone, "posters.revoked");
        await HttpAssert.Problem(await owner.Client.PostAsync($"/api/posters/{poster.Id()}/rotate", null), HttpStatusCode.Gone, "posters.revoked");
        var detail = await HttpAssert.Ok(await owner.Client.GetAsync($"/api/posters/{poster.Id()}"));
        Assert.Equal("revoked", detail.GetProperty("poster").GetProperty("status").GetString());
        var audit = await _factory.QueryAsync(db => db.Set<MiniCode.Features.Audit.AuditEntry>()
            .Where(a => a.Action == "poster.revoke" && a.TargetId == poster.Id().ToString()).Select(a => a.Actor).SingleAsync());
        Assert.Equal("staff:1", audit);

        // Expiry: a poster whose payload ran out (a short configured lifetime) is refused until rotated.
        using var shortLived = new MiniCodeFactory().With("MiniCode:Posters:PayloadLifetimeDays", "1");
        var owner2 = await shortLived.CitizenAsync("蒋老板");
        var poster2 = await owner2.ApplyAsync("蒋记");
        shortLived.Clock.Advance(TimeSpan.FromDays(1));
        var visitor2 = await shortLived.VisitorAsync("沈访客");
        await HttpAssert.Problem(await visitor2.CheckInAsync(poster2.Payload()), HttpStatusCode.Gone, "posters.expired");
        Assert.Equal("expired", (await HttpAssert.Ok(await owner2.Client.GetAsync($"/api/posters/{poster2.Id()}"))).GetProperty("poster").GetProperty("status").GetString());
        var renewed = await HttpAssert.Ok(await owner2.Client.PostAsync($"/api/posters/{poster2.Id()}/rotate", null));
        await HttpAssert.Ok(await visitor2.CheckInAsync(renewed.Payload()));
    }

    [Fact]
    public async Task Check_in_needs_real_name_a_declaration_and_only_oneself_or_own_relatives()
    {
        var owner = await _factory.CitizenAsync("韩老板");
        var poster = await owner.ApplyAsync("韩式烤肉");
        var anonymous = await _factory.AnonymousCitizenAsync();
        await HttpAssert.Problem(await anonymous.CheckInAsync(poster.Payload()), HttpStatusCode.Forbidden, "auth.real_name_required");
        var undeclared = await _factory.CitizenAsync("杨未报");
        await HttpAssert.Problem(await undeclared.CheckInAsync(poster.Payload()), HttpStatusCode.Conflict, "codes.declaration_required");
        var visitor = await _factory.VisitorAsync("朱访客");
        var other = await _factory.VisitorAsync("秦他人");
        await HttpAssert.Problem(await visitor.CheckInAsync(poster.Payload(), other.PersonId), HttpStatusCode.Forbidden, "check_ins.person_not_allowed");
        await HttpAssert.Problem(await visitor.Client.GetAsync($"/api/check-ins?relativeId={other.PersonId}"), HttpStatusCode.Forbidden, "check_ins.person_not_allowed");
        var unauthenticated = _factory.CreateClient();
        await HttpAssert.Problem(await unauthenticated.PostJson("/api/check-ins", new { payload = poster.Payload() }), HttpStatusCode.Unauthorized, "auth.unauthorized");
    }

    [Fact]
    public async Task Applying_validates_every_field_and_needs_real_name()
    {
        var owner = await _factory.CitizenAsync("许老板");
        var bad = await HttpAssert.Problem(await owner.Client.PostJson("/api/posters",
            new { kind = (string?)null, venueName = "", address = "", regionCode = "12", venueType = (string?)null, contactName = "", contactPhone = "123" }),
            HttpStatusCode.BadRequest, "request.validation_failed");
        foreach (var field in new[] { "kind", "venueName", "address", "regionCode", "venueType", "contactName", "contactPhone" })
            Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal(0, await _factory.QueryAsync(db => db.Set<Poster>().CountAsync(p => p.OwnerAccountId == owner.AccountId)));
        var landline = await HttpAssert.Ok(await owner.Client.PostJson("/api/posters", PosterKit.Application("许氏五金", "personal", "other", phone: "0431-88881234")),
            HttpStatusCode.Created);
        Assert.Equal("personal", landline.GetProperty("poster").GetProperty("kind").GetString());
        var anonymous = await _factory.AnonymousCitizenAsync();
        await HttpAssert.Problem(await anonymous.Client.PostJson("/api/posters", PosterKit.Application()), HttpStatusCode.Forbidden, "auth.real_name_required");
        // Another account never learns the poster exists.
        var stranger = await _factory.CitizenAsync("何路人");
        var id = landline.Id();
        foreach (var url in new[] { $"/api/posters/{id}", $"/api/posters/{id}/qr.png", $"/api/posters/{id}/poster.pdf", $"/api/posters/{id}/check-ins.csv" })
            await HttpAssert.Problem(await stranger.Client.GetAsync(url), HttpStatusCode.NotFound, "posters.not_found");
        await HttpAssert.Problem(await stranger.Client.DeleteAsync($"/api/posters/{id}"), HttpStatusCode.NotFound, "posters.not_found");
    }
}
