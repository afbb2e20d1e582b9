using System.Net;
using MiniCode.Features.People;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Households;

/// <summary>亲友健康码 through the HTTP API. One host per class: the tests only move the clock forward.</summary>
public sealed class RelativesTests(HealthCodesFactory factory) : IClassFixture<HealthCodesFactory>
{
    private static string Masked(string name) => MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskName(name);

    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public async Task Holder_adds_lists_switches_and_shows_a_relatives_verifiable_code()
    {
        var holder = await factory.CitizenAsync("王大明");
        await holder.DeclareAsync();
        var added = await HttpAssert.Ok(await holder.PostRelativeAsync(HouseholdsKit.Relative("王小花", new DateOnly(1990, 1, 2))), HttpStatusCode.Created);
        Assert.Equal(Masked("王小花"), added.Str("name"));
        Assert.Contains("*", added.Str("documentNumber"));
        Assert.True(added.GetProperty("faceVerified").GetBoolean());
        Assert.Equal("green", added.Str("color"));
        var id = added.GetProperty("id").GetInt64();

        var list = await HttpAssert.Ok(await holder.Client.GetAsync("/api/me/relatives"));
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetInt64());

        var entries = (await HttpAssert.Ok(await holder.Client.GetAsync("/api/me/relatives/switch"))).EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entries[0].GetProperty("relativeId").ValueKind);
        Assert.Equal($"/api/me/relatives/{id}/code", entries[1].Str("codePath"));

        var code = await HttpAssert.Ok(await holder.Client.GetAsync($"/api/me/relatives/{id}/code"));
        var verified = await factory.Partner().VerifyAsync(code.Str("payload"));
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(Masked("王小花"), verified.Str("maskedName"));

        var png = await holder.Client.GetAsync($"/api/me/relatives/{id}/code.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var decoded = HealthCodeKit.Zbar(await png.Content.ReadAsByteArrayAsync(), ".png");
        Assert.True((await factory.Partner().VerifyAsync(decoded)).GetProperty("valid").GetBoolean());
        var svg = await holder.Client.GetAsync($"/api/me/relatives/{id}/code.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Relatives_code_and_data_are_invisible_to_other_accounts()
    {
        var holder = await factory.CitizenAsync("赵一");
        var id = await holder.AddRelativeAsync("赵二");
        var other = await factory.CitizenAsync("钱三");
        foreach (var url in new[] { $"/api/me/relatives/{id}", $"/api/me/relatives/{id}/code", $"/api/me/relatives/{id}/code.png", $"/api/me/relatives/{id}/portrait", $"/api/me/relatives/{id}/portrait/image" })
            await HttpAssert.Problem(await other.Client.GetAsync(url), HttpStatusCode.NotFound, "relatives.not_found");
        await HttpAssert.Problem(await other.Client.DeleteAsync($"/api/me/relatives/{id}"), HttpStatusCode.NotFound, "relatives.not_found");
        await HttpAssert.Problem(await other.Client.PostJson("/api/me/offline-cards", new { relativeId = id }), HttpStatusCode.NotFound, "relatives.not_found");
        Assert.Empty((await HttpAssert.Ok(await other.Client.GetAsync("/api/me/relatives"))).EnumerateArray());
    }

    [Fact]
    public async Task Face_verification_needed_between_16_and_65_and_guardian_consents_for_children()
    {
        var holder = await factory.CitizenAsync("孙父");
        await HttpAssert.Problem(await holder.PostRelativeAsync(HouseholdsKit.Relative("孙成年", new DateOnly(1995, 6, 1), faceToken: null)),
            HttpStatusCode.BadRequest, "identity.face_mismatch");
        await HttpAssert.Problem(await holder.PostRelativeAsync(HouseholdsKit.Relative("孙忙碌", new DateOnly(1995, 6, 1), faceToken: "sim-busy")),
            HttpStatusCode.ServiceUnavailable, "identity.face_unavailable");
        // 15 years 364 days: exempt; 16 years today: needs a face.
        var young = await HttpAssert.Ok(await holder.PostRelativeAsync(HouseholdsKit.Relative("孙少年", Today.AddYears(-16).AddDays(1), faceToken: null)), HttpStatusCode.Created);
        Assert.False(young.GetProperty("faceVerified").GetBoolean());
        await HttpAssert.Problem(await holder.PostRelativeAsync(HouseholdsKit.Relative("孙十六", Today.AddYears(-16), faceToken: null)),
            HttpStatusCode.BadRequest, "identity.face_mismatch");
        // Over 65 (66 whole years) is exempt; 65 is not.
        await HttpAssert.Ok(await holder.PostRelativeAsync(HouseholdsKit.Relative("孙老人", Today.AddYears(-66), faceToken: null)), HttpStatusCode.Created);
        await HttpAssert.Problem(await holder.PostRelativeAsync(HouseholdsKit.Relative("孙六五", Today.AddYears(-65), faceToken: null)),
            HttpStatusCode.BadRequest, "identity.face_mismatch");
        // A child of 10 needs the guardian's consent.
        await HttpAssert.Problem(await holder.PostRelativeAsync(HouseholdsKit.Relative("孙小孩", Today.AddYears(-10), faceToken: null)),
            HttpStatusCode.BadRequest, "relatives.consent_required");
        var child = await HttpAssert.Ok(await holder.PostRelativeAsync(HouseholdsKit.Relative("孙小孩", Today.AddYears(-10), faceToken: null, consent: "guardian")), HttpStatusCode.Created);
        Assert.Equal("guardian", child.Str("consentBy"));
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_written()
    {
        var holder = await factory.CitizenAsync("周一");
        var bad = new { name = "周二", number = "110105199001011234", consent = new { by = "relative", confirmed = true }, declaration = HealthCodeKit.Declaration() };
        await HttpAssert.Problem(await holder.PostRelativeAsync(bad), HttpStatusCode.BadRequest, "request.validation_failed");
        var noConsent = new { name = "周二", number = TestUsers.NextIdNumber(new DateOnly(1990, 1, 1)), faceToken = "sim:pass", declaration = HealthCodeKit.Declaration() };
        await HttpAssert.Problem(await holder.PostRelativeAsync(noConsent), HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await holder.PostRelativeAsync(HouseholdsKit.Relative("周二", new DateOnly(1990, 1, 1), declaration: false)),
            HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await holder.PostRelativeAsync(HouseholdsKit.Relative("周一", new DateOnly(1990, 5, 17), number: holder.IdNumber)),
            HttpStatusCode.BadRequest, "relatives.self");
        var number = TestUsers.NextIdNumber(new DateOnly(1991, 1, 1));
        await HttpAssert.Ok(await holder.PostRelativeAsync(HouseholdsKit.Relative("周三", new DateOnly(1991, 1, 1), number: number)), HttpStatusCode.Created);
        await HttpAssert.Problem(await holder.PostRelativeAsync(HouseholdsKit.Relative("周三", new DateOnly(1991, 1, 1), number: number)),
            HttpStatusCode.Conflict, "relatives.already_added");
        await HttpAssert.Problem(await holder.PostRelativeAsync(HouseholdsKit.Relative("周四", new DateOnly(1991, 1, 1), number: number)),
            HttpStatusCode.BadRequest, "identity.name_mismatch");
        Assert.Single((await HttpAssert.Ok(await holder.Client.GetAsync("/api/me/relatives"))).EnumerateArray());
        await HttpAssert.Problem(await (await factory.AnonymousCitizenAsync()).PostRelativeAsync(HouseholdsKit.Relative("周五", new DateOnly(1990, 1, 1))),
            HttpStatusCode.Forbidden, "auth.real_name_required");
    }

    [Fact]
    public async Task Delete_is_refused_at_23h59m_and_allowed_at_24h()
    {
        var holder = await factory.CitizenAsync("吴一");
        var id = await holder.AddRelativeAsync("吴二");
        factory.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        await HttpAssert.Problem(await holder.Client.DeleteAsync($"/api/me/relatives/{id}"), HttpStatusCode.Conflict, "relatives.delete_too_soon");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await HttpAssert.Ok(await holder.Client.DeleteAsync($"/api/me/relatives/{id}"), HttpStatusCode.NoContent);
        await HttpAssert.Problem(await holder.Client.GetAsync($"/api/me/relatives/{id}/code"), HttpStatusCode.NotFound, "relatives.not_found");
    }

    [Fact]
    public async Task Thirteenth_relative_is_accepted_and_fourteenth_refused()
    {
        var holder = await factory.CitizenAsync("郑家长");
        for (var i = 0; i < 13; i++) await holder.AddRelativeAsync("郑亲友" + (char)('甲' + i));
        await HttpAssert.Problem(await holder.PostRelativeAsync(HouseholdsKit.Relative("郑多余", new DateOnly(1960, 1, 1))), HttpStatusCode.Conflict, "relatives.limit_reached");
        Assert.Equal(13, (await HttpAssert.Ok(await holder.Client.GetAsync("/api/me/relatives"))).GetArrayLength());
    }

    [Fact]
    public async Task Holder_updates_a_relatives_declaration()
    {
        var holder = await factory.CitizenAsync("冯一");
        var id = await holder.AddRelativeAsync("冯二");
        var d = await HttpAssert.Ok(await holder.Client.PostJson($"/api/me/relatives/{id}/declaration", HealthCodeKit.Declaration(symptoms: ["咳嗽"])));
        Assert.Equal("咳嗽", d.GetProperty("symptoms")[0].GetString());
        Assert.Equal("yellow", (await HttpAssert.Ok(await holder.Client.GetAsync($"/api/me/relatives/{id}/code"))).Str("color"));
    }
}
