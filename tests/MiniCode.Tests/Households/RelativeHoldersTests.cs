using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Posters;

namespace MiniCode.Tests.Households;

/// <summary>A host for several holders of one relative; SMS codes from one test address are not limited.</summary>
public sealed class RelativeHoldersFactory : HealthCodesFactory
{
    public RelativeHoldersFactory() => With("Identity:Sms:PerIpLimit", "100000");
}

/// <summary>
/// Two holders of one relative, what an add tells before any proof (M4), the relative's reports for a proven holder,
/// and colour-change notices reaching the holders' inboxes.
/// </summary>
public sealed class RelativeHoldersTests(RelativeHoldersFactory factory) : IClassFixture<RelativeHoldersFactory>
{
    private static readonly DateOnly ChildBirth = new(2020, 6, 1), ElderBirth = new(1950, 4, 2), AdultBirth = new(1986, 9, 9);
    private static readonly string[] Volatile = ["id", "documentNumber", "addedAt", "deletableAt", "requestId", "traceId"];

    private static object Add(string name, string number, string consent = "relative", string? faceToken = null, string? phone = null, string? smsCode = null,
        string region = "110105") => new
    {
        name, documentType = "residentId", number, relation = "家人", faceToken,
        consent = new { by = consent, confirmed = true, phone, smsCode },
        declaration = HealthCodeKit.Declaration(region),
    };

    private static async Task<string> ShapeAsync(HttpResponseMessage response)
    {
        var node = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        foreach (var n in Volatile) node.Remove(n);
        return $"{(int)response.StatusCode} {node.ToJsonString()}";
    }

    private static async Task<List<JsonElement>> NoticesAsync(TestUser user, string kind) =>
        (await HttpAssert.Ok(await user.Client.GetAsync("/api/me/notices"))).GetProperty("items").EnumerateArray().Where(n => n.Str("kind") == kind).ToList();

    /// <summary>Makes everyone declared in the city <paramref name="cityCode"/> yellow (a high-risk region in the authority's import); one city per test.</summary>
    private async Task ImportYellowRegionAsync(string cityCode) => await HttpAssert.Ok(await factory.Authority().PostAsync("/api/authority/imports/regions",
        new StringContent($"[{{\"region_code\":\"{cityCode}\",\"starts_on\":\"2026-11-20\",\"ends_on\":null}}]", System.Text.Encoding.UTF8, "application/json")));

    [Fact]
    public async Task Before_any_proof_an_add_answers_alike_for_a_known_and_an_unknown_document()
    {
        // A known elder, red, with their own account; the holder gets the name wrong, as one who only has the number would.
        var elder = await factory.CitizenAsync("钱老伯", ElderBirth);
        await elder.DeclareAsync();
        await factory.ImportCsvAsync("risk-list", $"document_number,kind,starts_on,ends_on\n{elder.IdNumber},confirmed,2026-11-20,\n");
        Assert.Equal("red", await elder.ColorAsync());
        var holder = await factory.CitizenAsync("钱邻居");
        var known = await holder.PostRelativeAsync(Add("钱大爷", elder.IdNumber!));
        var unknown = await holder.PostRelativeAsync(Add("钱大爷", TestUsers.NextIdNumber(ElderBirth)));
        Assert.Equal(HttpStatusCode.Created, known.StatusCode);
        Assert.Equal(await ShapeAsync(unknown), await ShapeAsync(known));
        Assert.Equal("red", await elder.ColorAsync()); // the holder's declaration changed nothing of the person's
        Assert.Equal(MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskName("钱老伯"), (await HttpAssert.Ok(await elder.Client.GetAsync("/api/me"))).GetProperty("realName").Str("name"));

        // Not exempt by age: without a face, both are the same refusal.
        var adult = await factory.CitizenAsync("孙成年", AdultBirth);
        Assert.Equal(await ShapeAsync(await holder.PostRelativeAsync(Add("孙成年", TestUsers.NextIdNumber(AdultBirth)))),
            await ShapeAsync(await holder.PostRelativeAsync(Add("孙成年", adult.IdNumber!))));

        // A code that is not to the relative's phone: the same refusal, after the code was used up.
        async Task<HttpResponseMessage> WithOwnCodeAsync(string number)
        {
            var phone = IdentityTestKit.NextPhone();
            await HttpAssert.Ok(await holder.Client.PostJson("/api/me/relatives/consent-codes", new { phone }));
            return await holder.PostRelativeAsync(Add("孙成年", number, phone: phone, smsCode: await holder.Client.LatestCodeAsync(phone)));
        }
        var codeForKnown = await WithOwnCodeAsync(adult.IdNumber!);
        await HttpAssert.Problem(codeForKnown, HttpStatusCode.BadRequest, "relatives.consent_phone_mismatch");
        Assert.Equal(await ShapeAsync(await WithOwnCodeAsync(TestUsers.NextIdNumber(AdultBirth))), await ShapeAsync(codeForKnown));
    }

    [Fact]
    public async Task Two_unproven_holders_of_one_child_each_see_only_what_they_recorded()
    {
        var number = TestUsers.NextIdNumber(ChildBirth, "230102");
        var holderA = await factory.CitizenAsync("甲家长");
        var holderB = await factory.CitizenAsync("乙家长");
        var payload = (await (await factory.CitizenAsync("场所甲")).ApplyAsync()).Payload();

        var a = await HttpAssert.Ok(await holderA.PostRelativeAsync(Add("小明", number, consent: "guardian", region: "230102")), HttpStatusCode.Created);
        var idA = a.GetProperty("id").GetInt64();
        await HttpAssert.Ok(await holderA.CheckInAsync(payload, idA));
        await HttpAssert.Ok(await holderA.Client.PostJson($"/api/me/relatives/{idA}/declaration", HealthCodeKit.Declaration("230102", temperature: 36.8m)));
        var cardA = (await HttpAssert.Ok(await holderA.Client.PostJson("/api/me/offline-cards", new { relativeId = idA }), HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var b = await HttpAssert.Ok(await holderB.PostRelativeAsync(Add("小明", number, consent: "guardian", region: "230102")), HttpStatusCode.Created);
        Assert.True(b.GetProperty("private").GetBoolean());
        var idB = b.GetProperty("id").GetInt64();

        // B sees none of A's check-ins, declarations (history, reasons), card; portrait and results need a proof.
        Assert.Empty((await HttpAssert.Ok(await holderB.Client.GetAsync($"/api/check-ins?relativeId={idB}"))).GetProperty("items").EnumerateArray());
        var reportB = await HttpAssert.Ok(await holderB.Client.GetAsync($"/api/me/relatives/{idB}/health-report"));
        Assert.Empty(reportB.GetProperty("history").EnumerateArray());
        Assert.Empty(reportB.GetProperty("reasons").EnumerateArray());
        await HttpAssert.Problem(await holderB.Client.PostJson($"/api/me/relatives/{idB}/declaration", HealthCodeKit.Declaration()), HttpStatusCode.Forbidden, "relatives.proof_required");
        foreach (var url in new[] { $"/api/me/relatives/{idB}/portrait", $"/api/me/relatives/{idB}/nucleic-acid-results", $"/api/me/relatives/{idB}/vaccinations" })
            await HttpAssert.Problem(await holderB.Client.GetAsync(url), HttpStatusCode.Forbidden, "relatives.proof_required");
        Assert.Empty((await HttpAssert.Ok(await holderB.Client.GetAsync("/api/me/offline-cards"))).EnumerateArray());
        await HttpAssert.Problem(await holderB.Client.GetAsync($"/api/me/offline-cards/{cardA}"), HttpStatusCode.NotFound, "offline_cards.not_found");
        await HttpAssert.Problem(await holderB.Client.GetAsync($"/api/me/relatives/{idA}"), HttpStatusCode.NotFound, "relatives.not_found");

        // And the other way round: A does not see B's check-in or card.
        await HttpAssert.Ok(await holderB.CheckInAsync(payload, idB));
        var cardB = (await HttpAssert.Ok(await holderB.Client.PostJson("/api/me/offline-cards", new { relativeId = idB }), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Assert.Single((await HttpAssert.Ok(await holderA.Client.GetAsync($"/api/check-ins?relativeId={idA}"))).GetProperty("items").EnumerateArray());
        Assert.Single((await HttpAssert.Ok(await holderB.Client.GetAsync($"/api/check-ins?relativeId={idB}"))).GetProperty("items").EnumerateArray());
        Assert.DoesNotContain((await HttpAssert.Ok(await holderA.Client.GetAsync("/api/me/offline-cards"))).EnumerateArray(), c => c.GetProperty("id").GetInt64() == cardB);
        Assert.NotEmpty((await HttpAssert.Ok(await holderA.Client.GetAsync($"/api/me/relatives/{idA}/health-report"))).GetProperty("history").EnumerateArray());

        // A colour change of the child (no account of their own) reaches both inboxes, without the reasons.
        await ImportYellowRegionAsync("230100");
        foreach (var holder in new[] { holderA, holderB })
        {
            var notice = Assert.Single(await NoticesAsync(holder, "relative_color_changed"));
            Assert.Contains("变为黄码", notice.Str("body"));
            Assert.DoesNotContain("黄码：", notice.Str("body"));
        }
    }

    [Fact]
    public async Task A_proven_holder_reads_the_relatives_report_results_and_vaccinations_and_gets_their_colour_notices()
    {
        var number = TestUsers.NextIdNumber(AdultBirth, "230202");
        var holder = await factory.CitizenAsync("赵儿子");
        var added = await HttpAssert.Ok(await holder.PostRelativeAsync(Add("赵父亲", number, faceToken: "sim:pass", region: "230202")), HttpStatusCode.Created);
        Assert.Equal("face", added.Str("proof"));
        var id = added.GetProperty("id").GetInt64();
        await factory.ImportCsvAsync("nucleic-acid", $"document_number,sampled_at,result,institution\n{number},2026-11-19T08:00:00+08:00,negative,市疾控中心\n");
        var doses = $"[{{\"document_number\":\"{number}\",\"dose\":1,\"vaccinated_on\":\"2026-05-01\",\"product\":\"灭活疫苗\"}}]";
        await HttpAssert.Ok(await factory.Authority().PostAsync("/api/authority/imports/vaccinations", new StringContent(doses, System.Text.Encoding.UTF8, "application/json")));

        var results = Assert.Single((await HttpAssert.Ok(await holder.Client.GetAsync($"/api/me/relatives/{id}/nucleic-acid-results"))).EnumerateArray());
        Assert.Equal("negative", results.Str("result"));
        Assert.Equal(1, Assert.Single((await HttpAssert.Ok(await holder.Client.GetAsync($"/api/me/relatives/{id}/vaccinations"))).EnumerateArray()).GetProperty("dose").GetInt32());
        Assert.Empty(await NoticesAsync(holder, "relative_color_changed"));

        await ImportYellowRegionAsync("230200");
        var report = await HttpAssert.Ok(await holder.Client.GetAsync($"/api/me/relatives/{id}/health-report"));
        Assert.Equal("yellow", report.Str("color"));
        Assert.NotEmpty(report.GetProperty("reasons").EnumerateArray());
        Assert.Single(report.GetProperty("nucleicAcid").EnumerateArray());
        Assert.Single(report.GetProperty("vaccinations").EnumerateArray());
        var notice = Assert.Single(await NoticesAsync(holder, "relative_color_changed"));
        Assert.Contains("黄码：", notice.Str("body")); // a proven holder is told why
        Assert.Contains(MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskName("赵父亲"), notice.Str("body"));
        // The holder's own inbox is not the relative's: no colour_changed of their own.
        Assert.Empty(await NoticesAsync(holder, "color_changed"));
        // Another account's relative is not reachable.
        var stranger = await factory.CitizenAsync("钱路人");
        await HttpAssert.Problem(await stranger.Client.GetAsync($"/api/me/relatives/{id}/vaccinations"), HttpStatusCode.NotFound, "relatives.not_found");
    }
}
