using System.Net;
using System.Text.Json;
using MiniCode.Features.Errands;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Errands;

/// <summary>授权办事 end to end over HTTP: grant, the two lists, accept, the code on the day, verify; what others see.</summary>
public sealed class ErrandFlowTests : IDisposable
{
    private readonly ErrandsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_grant_is_accepted_shown_on_its_day_and_verifies_with_masked_parties()
    {
        var matterId = await _factory.MatterAsync("不动产登记");
        var matters = await HttpAssert.Ok(await _factory.CreateClient().GetAsync("/api/errand-matters?region=110105"));
        Assert.Contains(matters.EnumerateArray(), m => m.GetProperty("id").GetInt64() == matterId && m.GetProperty("name").GetString() == "不动产登记");
        var grantor = await _factory.CitizenAsync("张授权");
        var grantee = await _factory.CitizenAsync("李代办");
        var stranger = await _factory.CitizenAsync("王路人");

        var created = await HttpAssert.Ok(await grantor.GrantAsync(matterId, "李代办", grantee.IdNumber, ErrandsKit.Today.AddDays(1), phone: "13800138000"),
            HttpStatusCode.Created);
        var id = created.Id();
        Assert.Equal(("grantor", "pending", "待确认"), (created.GetProperty("role").GetString(), created.State(), created.GetProperty("stateLabel").GetString()));
        Assert.Equal(("李**", "张**", "138****8000"), (created.GetProperty("granteeName").GetString(), created.GetProperty("grantorName").GetString(),
            created.GetProperty("granteePhone").GetString()));
        Assert.DoesNotContain(grantee.IdNumber!, created.GetRawText());
        Assert.True(created.GetProperty("canRevoke").GetBoolean());
        var notice = Assert.Single(await _factory.QueryAsync(db => db.Set<Notice>().Where(n => n.PersonId == grantee.PersonId).ToListAsync()));
        Assert.Equal(AuthorisationService.GrantedNoticeKind, notice.Kind);
        Assert.Contains("不动产登记", notice.Body);

        Assert.Single((await HttpAssert.Ok(await grantor.Client.GetAsync("/api/me/errands/granted"))).EnumerateArray());
        Assert.Empty((await HttpAssert.Ok(await grantor.Client.GetAsync("/api/me/errands/received"))).EnumerateArray());
        var received = Assert.Single((await HttpAssert.Ok(await grantee.Client.GetAsync("/api/me/errands/received"))).EnumerateArray());
        Assert.Equal(("grantee", true), (received.GetProperty("role").GetString(), received.GetProperty("canRespond").GetBoolean()));
        Assert.Empty((await HttpAssert.Ok(await stranger.Client.GetAsync("/api/me/errands/received"))).EnumerateArray());
        await HttpAssert.Problem(await stranger.Client.GetAsync($"/api/me/errands/received/{id}"), HttpStatusCode.NotFound, "errands.not_found");
        await HttpAssert.Problem(await stranger.Client.GetAsync($"/api/me/errands/granted/{id}"), HttpStatusCode.NotFound, "errands.not_found");
        await HttpAssert.Problem(await grantor.AnswerAsync(id, accept: true), HttpStatusCode.NotFound, "errands.not_found"); // only the grantee answers
        await HttpAssert.Problem(await grantee.RevokeAsync(id), HttpStatusCode.NotFound, "errands.not_found"); // only the grantor revokes
        await HttpAssert.Problem(await grantee.ShowCodeAsync(id), HttpStatusCode.Conflict, "errands.code_unavailable"); // still waiting

        var accepted = await HttpAssert.Ok(await grantee.AnswerAsync(id, accept: true));
        Assert.Equal(("accepted", "已生效", false), (accepted.State(), accepted.GetProperty("stateLabel").GetString(), accepted.GetProperty("codeAvailable").GetBoolean()));
        await HttpAssert.Problem(await grantee.AnswerAsync(id, accept: true), HttpStatusCode.Conflict, "errands.not_pending");
        await HttpAssert.Problem(await grantee.AnswerAsync(id, accept: false), HttpStatusCode.Conflict, "errands.not_pending");
        Assert.Equal("accepted", (await grantor.GrantedAsync(id)).State());
        Assert.Contains(await _factory.QueryAsync(db => db.Set<Notice>().Where(n => n.PersonId == grantor.PersonId).ToListAsync()),
            n => n.Kind == AuthorisationService.AnsweredNoticeKind && n.Title == "授权已被接受");
        await HttpAssert.Problem(await grantee.ShowCodeAsync(id), HttpStatusCode.Conflict, "errands.code_unavailable"); // the day has not come

        _factory.Clock.Advance(TimeSpan.FromDays(1)); // 2026-11-22, the authorised day
        await HttpAssert.Problem(await grantor.RevokeAsync(id), HttpStatusCode.Conflict, "errands.revoke_not_allowed");
        Assert.True((await grantee.ReceivedAsync(id)).GetProperty("codeAvailable").GetBoolean());
        var code = await HttpAssert.Ok(await grantee.ShowCodeAsync(id));
        var payload = code.GetProperty("payload").GetString()!;
        Assert.StartsWith("MC1:", payload);
        Assert.Equal(120, (code.GetProperty("expiresAt").GetDateTimeOffset() - code.GetProperty("issuedAt").GetDateTimeOffset()).TotalSeconds);
        var png = await grantee.ShowCodeAsync(id, "code.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("MC1:", HealthCodeKit.Zbar(await png.Content.ReadAsByteArrayAsync(), ".png"));
        var svg = await grantee.ShowCodeAsync(id, "code.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
        Assert.True(svg.Headers.Contains("X-Code-Expires"));

        var verified = await _factory.Partner().VerifyAsync(payload);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("authorisation", verified.GetProperty("type").GetString());
        var subject = verified.GetProperty("subject");
        Assert.Equal(("不动产登记", "李**", "accepted"), (subject.GetProperty("title").GetString(), subject.GetProperty("maskedHolder").GetString(),
            subject.GetProperty("state").GetString()));
        var facts = Facts(subject);
        Assert.Equal(("张**", "李**", "2026-11-22", "已生效"), (facts["grantor"], facts["grantee"], facts["dates"], facts["state"]));
        Assert.DoesNotContain(grantee.IdNumber!, verified.GetRawText());
        Assert.DoesNotContain("张授权", verified.GetRawText());
    }

    [Fact]
    public async Task Codes_of_declined_revoked_or_ended_authorisations_verify_as_revoked_and_still_say_why()
    {
        var matterId = await _factory.MatterAsync("医保报销");
        var grantor = await _factory.CitizenAsync("赵授权");
        var grantee = await _factory.CitizenAsync("钱代办");
        var declined = (await grantor.GrantToAsync(matterId, grantee, "钱代办", ErrandsKit.Today)).Id();
        await HttpAssert.Ok(await grantee.AnswerAsync(declined, accept: false));
        var revoked = (await grantor.GrantToAsync(matterId, grantee, "钱代办", ErrandsKit.Today.AddDays(2))).Id();
        await HttpAssert.Ok(await grantee.AnswerAsync(revoked, accept: true));
        var revokedView = await HttpAssert.Ok(await grantor.RevokeAsync(revoked));
        Assert.Equal(("expired", "revoked"), (revokedView.State(), revokedView.GetProperty("endReason").GetString()));
        await HttpAssert.Problem(await grantor.RevokeAsync(revoked), HttpStatusCode.Conflict, "errands.revoke_not_allowed");
        var early = (await grantor.GrantToAsync(matterId, grantee, "钱代办", ErrandsKit.Today.AddDays(3))).Id();
        await HttpAssert.Ok(await grantee.AnswerAsync(early, accept: true)); // accepted, but its day has not come

        // A code that cannot be shown (signed here with the platform key, as a counterfeit of an old one would be) never verifies.
        foreach (var (id, state, label) in new[] { (declined, "declined", "已拒绝"), (revoked, "expired", "已失效（已撤销）"), (early, "accepted", "已生效") })
        {
            var payload = await _factory.WithServiceAsync<CodeSigner, string>(s =>
                Task.FromResult(s.Sign(CodeType.Authorisation, id, null, _factory.Clock.GetUtcNow(), TimeSpan.FromMinutes(2)).Text));
            var verified = await _factory.Partner().VerifyAsync(payload);
            Assert.False(verified.GetProperty("valid").GetBoolean());
            Assert.Equal("revoked", verified.GetProperty("reason").GetString());
            Assert.Equal(state, verified.GetProperty("subject").GetProperty("state").GetString());
            Assert.Equal(label, Facts(verified.GetProperty("subject"))["state"]);
        }
        var missing = await _factory.WithServiceAsync<CodeSigner, string>(s =>
            Task.FromResult(s.Sign(CodeType.Authorisation, 987654, null, _factory.Clock.GetUtcNow(), TimeSpan.FromMinutes(2)).Text));
        var unknown = await _factory.Partner().VerifyAsync(missing);
        Assert.Equal(("revoked", JsonValueKind.Null), (unknown.GetProperty("reason").GetString(), unknown.GetProperty("subject").ValueKind));
    }

    private static Dictionary<string, string> Facts(JsonElement subject) =>
        subject.GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);
}
