using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Posters;

namespace MiniCode.Tests.Households;

/// <summary>A host for relative proofs: SMS codes from one test address are not limited.</summary>
public sealed class RelativeProofFactory : HealthCodesFactory
{
    public RelativeProofFactory() => With("Identity:Sms:PerIpLimit", "100000");
}

/// <summary>
/// Adding a relative who exists needs their proof (SMS to a phone of their account, or their face); without it the
/// relative is private to the holder: the person's own history, results, check-ins and portrait stay invisible.
/// </summary>
public sealed class RelativeProofTests(RelativeProofFactory factory) : IClassFixture<RelativeProofFactory>
{
    private static readonly DateOnly ElderBirth = new(1950, 4, 2);

    /// <summary>A 76-year-old with their own account, phone, declaration, a nucleic-acid result and a check-in.</summary>
    private async Task<(TestUser Elder, string Phone, string Payload)> ElderAsync(string name)
    {
        var elder = await factory.CitizenAsync(name, ElderBirth);
        var phone = IdentityTestKit.NextPhone();
        var code = await elder.Client.SendCodeAsync(phone, "bind");
        await HttpAssert.Ok(await elder.Client.PostJson("/api/me/phone/sms", new { phone, code }));
        await elder.DeclareAsync();
        await factory.ImportCsvAsync("nucleic-acid", $"document_number,sampled_at,result,institution\n{elder.IdNumber},2026-11-19T08:00:00+08:00,negative,市疾控中心\n");
        var payload = (await (await factory.CitizenAsync("场所主")).ApplyAsync()).Payload();
        await HttpAssert.Ok(await elder.CheckInAsync(payload));
        return (elder, phone, payload);
    }

    /// <summary>An add with a fever declared by the holder (which must never reach a person who declared themself).</summary>
    private static object Add(string name, string number, string? faceToken = null, string? phone = null, string? smsCode = null, decimal temperature = 38.2m) => new
    {
        name, documentType = "residentId", number, relation = "父亲", faceToken,
        consent = new { by = "relative", confirmed = true, phone, smsCode },
        declaration = HealthCodeKit.Declaration(temperature: temperature),
    };

    [Fact]
    public async Task An_unproven_add_of_an_existing_person_sees_none_of_their_history_results_or_check_ins()
    {
        var (elder, _, payload) = await ElderAsync("钱老伯");
        var stranger = await factory.CitizenAsync("陌生人");
        var added = await HttpAssert.Ok(await stranger.PostRelativeAsync(Add("钱老伯", elder.IdNumber!)), HttpStatusCode.Created);
        Assert.True(added.GetProperty("private").GetBoolean());
        Assert.Equal("none", added.Str("proof"));
        var id = added.GetProperty("id").GetInt64();

        // The stranger's declared fever did not overwrite the elder's own declaration.
        Assert.Equal("green", await elder.ColorAsync());
        Assert.Empty((await HttpAssert.Ok(await stranger.Client.GetAsync($"/api/check-ins?relativeId={id}"))).GetProperty("items").EnumerateArray());
        var report = await HttpAssert.Ok(await stranger.Client.GetAsync($"/api/me/relatives/{id}/health-report"));
        Assert.Empty(report.GetProperty("history").EnumerateArray());
        Assert.Empty(report.GetProperty("nucleicAcid").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("badges").ValueKind);
        foreach (var url in new[] { $"/api/me/relatives/{id}/nucleic-acid-results", $"/api/me/relatives/{id}/vaccinations", $"/api/me/relatives/{id}/portrait" })
            await HttpAssert.Problem(await stranger.Client.GetAsync(url), HttpStatusCode.Forbidden, "relatives.proof_required");
        await HttpAssert.Problem(await stranger.Client.PostJson($"/api/me/relatives/{id}/declaration", HealthCodeKit.Declaration(temperature: 38.5m)),
            HttpStatusCode.Forbidden, "relatives.proof_required");

        // What the stranger records is theirs: their own check-in for the relative, not the elder's.
        await HttpAssert.Ok(await stranger.CheckInAsync(payload, id));
        var mine = (await HttpAssert.Ok(await stranger.Client.GetAsync($"/api/check-ins?relativeId={id}"))).GetProperty("items");
        Assert.Equal(1, mine.GetArrayLength());
        Assert.Equal(2, (await HttpAssert.Ok(await elder.Client.GetAsync("/api/check-ins"))).GetProperty("items").GetArrayLength());

        // The elder's colour change reaches the elder, not the unproven holder.
        await factory.ImportCsvAsync("risk-list", $"document_number,kind,starts_on,ends_on\n{elder.IdNumber},confirmed,2026-11-20,\n");
        Assert.Equal("red", await elder.ColorAsync());
        var inbox = await HttpAssert.Ok(await stranger.Client.GetAsync("/api/me/notices"));
        Assert.DoesNotContain(inbox.GetProperty("items").EnumerateArray(), n => n.Str("kind") == "relative_color_changed");
    }

    [Fact]
    public async Task Proof_by_an_SMS_code_to_the_relatives_own_phone_shares_their_data_and_notices()
    {
        var (elder, phone, _) = await ElderAsync("孙老伯");
        var son = await factory.CitizenAsync("孙儿子");
        factory.Clock.Advance(TimeSpan.FromMinutes(2)); // past the resend interval of the elder's binding code
        var sent = await HttpAssert.Ok(await son.Client.PostJson("/api/me/relatives/consent-codes", new { phone }));
        Assert.Equal(MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskPhone(phone), sent.Str("phone"));
        var code = await son.Client.LatestCodeAsync(phone);

        var added = await HttpAssert.Ok(await son.PostRelativeAsync(Add("孙老伯", elder.IdNumber!, phone: phone, smsCode: code, temperature: 36.5m)), HttpStatusCode.Created);
        Assert.False(added.GetProperty("private").GetBoolean());
        Assert.Equal("sms", added.Str("proof"));
        var id = added.GetProperty("id").GetInt64();
        Assert.Single((await HttpAssert.Ok(await son.Client.GetAsync($"/api/check-ins?relativeId={id}"))).GetProperty("items").EnumerateArray());
        Assert.Single((await HttpAssert.Ok(await son.Client.GetAsync($"/api/me/relatives/{id}/nucleic-acid-results"))).EnumerateArray());
        await HttpAssert.Ok(await son.Client.GetAsync($"/api/me/relatives/{id}/vaccinations"));
        Assert.NotEmpty((await HttpAssert.Ok(await son.Client.GetAsync($"/api/me/relatives/{id}/health-report"))).GetProperty("nucleicAcid").EnumerateArray());

        await factory.ImportCsvAsync("risk-list", $"document_number,kind,starts_on,ends_on\n{elder.IdNumber},confirmed,2026-11-20,\n");
        Assert.Equal("red", await elder.ColorAsync());
        var notices = (await HttpAssert.Ok(await son.Client.GetAsync("/api/me/notices"))).GetProperty("items").EnumerateArray().ToList();
        var notice = Assert.Single(notices, n => n.Str("kind") == "relative_color_changed");
        Assert.Contains(MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskName("孙老伯"), notice.Str("body"));
    }

    [Fact]
    public async Task A_code_to_a_phone_that_is_not_the_relatives_proves_nothing()
    {
        var (elder, _, _) = await ElderAsync("周老伯");
        var holder = await factory.CitizenAsync("周邻居");
        var ownPhone = IdentityTestKit.NextPhone();
        await HttpAssert.Ok(await holder.Client.PostJson("/api/me/relatives/consent-codes", new { phone = ownPhone }));
        var code = await holder.Client.LatestCodeAsync(ownPhone);
        await HttpAssert.Problem(await holder.PostRelativeAsync(Add("周老伯", elder.IdNumber!, phone: ownPhone, smsCode: code)),
            HttpStatusCode.BadRequest, "relatives.consent_phone_mismatch");
        Assert.Empty((await HttpAssert.Ok(await holder.Client.GetAsync("/api/me/relatives"))).EnumerateArray());
    }

    [Fact]
    public async Task Proof_by_the_relatives_own_face_shares_their_data()
    {
        var (elder, _, _) = await ElderAsync("吴老伯");
        var daughter = await factory.CitizenAsync("吴女儿");
        var added = await HttpAssert.Ok(await daughter.PostRelativeAsync(Add("吴老伯", elder.IdNumber!, faceToken: "sim:wu")), HttpStatusCode.Created);
        Assert.Equal("face", added.Str("proof"));
        var id = added.GetProperty("id").GetInt64();
        Assert.Single((await HttpAssert.Ok(await daughter.Client.GetAsync($"/api/check-ins?relativeId={id}"))).GetProperty("items").EnumerateArray());
        Assert.Single((await HttpAssert.Ok(await daughter.Client.GetAsync($"/api/me/relatives/{id}/nucleic-acid-results"))).EnumerateArray());
    }

    [Fact]
    public async Task A_passport_holder_claiming_an_exempt_birth_date_needs_a_proof()
    {
        var holder = await factory.CitizenAsync("郑先生");
        object Passport(string? faceToken) => new
        {
            name = "JOHN SMITH", documentType = "passport", number = "E" + Random.Shared.Next(10_000_000, 99_999_999), birthDate = "1940-01-01", relation = "朋友",
            faceToken, consent = new { by = "relative", confirmed = true }, declaration = HealthCodeKit.Declaration(),
        };
        await HttpAssert.Problem(await holder.PostRelativeAsync(Passport(null)), HttpStatusCode.BadRequest, "identity.face_mismatch");
        var added = await HttpAssert.Ok(await holder.PostRelativeAsync(Passport("sim:pass")), HttpStatusCode.Created);
        Assert.Equal("face", added.Str("proof"));
    }

    [Fact]
    public async Task Unproven_adds_and_consent_codes_answer_alike_for_known_and_unknown_people_and_phones()
    {
        var (elder, elderPhone, _) = await ElderAsync("冯老伯");
        var holder = await factory.CitizenAsync("冯侄子");
        var forKnown = await holder.PostRelativeAsync(Add("冯老伯", elder.IdNumber!, temperature: 36.5m));
        var forUnknown = await holder.PostRelativeAsync(Add("冯老伯", TestUsers.NextIdNumber(ElderBirth), temperature: 36.5m));
        Assert.Equal(HttpStatusCode.Created, forKnown.StatusCode);
        Assert.Equal(Without(await forUnknown.Content.ReadAsStringAsync(), "id", "documentNumber", "addedAt", "deletableAt"),
            Without(await forKnown.Content.ReadAsStringAsync(), "id", "documentNumber", "addedAt", "deletableAt"));
        Assert.Equal(forUnknown.StatusCode, forKnown.StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var codeToKnown = await holder.Client.PostJson("/api/me/relatives/consent-codes", new { phone = elderPhone });
        var codeToUnknown = await holder.Client.PostJson("/api/me/relatives/consent-codes", new { phone = IdentityTestKit.NextPhone() });
        Assert.Equal(HttpStatusCode.OK, codeToKnown.StatusCode);
        Assert.Equal(codeToUnknown.StatusCode, codeToKnown.StatusCode);
        Assert.Equal(Without(await codeToUnknown.Content.ReadAsStringAsync(), "phone"), Without(await codeToKnown.Content.ReadAsStringAsync(), "phone"));
        await HttpAssert.Problem(await holder.Client.PostJson("/api/me/relatives/consent-codes", new { phone = "１３９００００１２３４" }),
            HttpStatusCode.BadRequest, "request.validation_failed");
    }

    private static string Without(string json, params string[] names)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        foreach (var n in names) node.Remove(n);
        return node.ToJsonString();
    }
}
