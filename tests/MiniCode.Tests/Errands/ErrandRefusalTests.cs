using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Errands;

/// <summary>Bad input and the rules of 授权办事: 400/403/409 ProblemDetails, never a 500, and nothing told about whether an ID exists.</summary>
public sealed class ErrandRefusalTests(ErrandsFactory factory) : IClassFixture<ErrandsFactory>
{
    [Fact]
    public async Task Bad_input_is_refused_field_by_field()
    {
        var matterId = await factory.MatterAsync("户籍证明");
        var disabled = await factory.MatterAsync("已停用事项", enabled: false);
        var grantor = await factory.CitizenAsync("孙授权");
        var id = TestUsers.NextIdNumber(new DateOnly(1988, 3, 4));
        var today = ErrandsKit.Today;

        async Task Refused(HttpResponseMessage response, string field)
        {
            var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest, "request.validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }

        await Refused(await grantor.GrantAsync(0, "周代办", id, today), "matterId");
        await Refused(await grantor.GrantAsync(999999, "周代办", id, today), "matterId");
        await Refused(await grantor.GrantAsync(disabled, "周代办", id, today), "matterId");
        await Refused(await grantor.GrantAsync(matterId, "周代办", "110105198803040000", today), "idNumber"); // wrong check digit
        await Refused(await grantor.GrantAsync(matterId, "周代办", "１１０１０５１９８８０３０４１２３４", today), "idNumber"); // full-width digits
        await Refused(await grantor.GrantAsync(matterId, "周", id, today), "name");
        await Refused(await grantor.GrantAsync(matterId, "周代办", id, today, phone: "12345"), "phone");
        await Refused(await grantor.GrantAsync(matterId, "周代办", id, today.AddDays(-1)), "validFrom");
        await Refused(await grantor.GrantAsync(matterId, "周代办", id, today.AddDays(91)), "validFrom");
        await Refused(await grantor.GrantAsync(matterId, "周代办", id, today.AddDays(2), today.AddDays(1)), "validTo");
        await Refused(await grantor.GrantAsync(matterId, "周代办", id, today, today.AddDays(30)), "validTo"); // 31 days
        await Refused(await grantor.GrantAsync(matterId, "周代办", id, today, licenceIds: [5, 5]), "licenceIds");
        await Refused(await grantor.GrantAsync(matterId, "周代办", id, today, licenceIds: [1, 2, 3, 4, 5, 6]), "licenceIds");
        await Refused(await grantor.GrantAsync(matterId, "周代办", id, today, licenceIds: [42]), "licenceIds"); // not a licence the grantor holds
        await Refused(await grantor.Client.PostAsJsonAsync("/api/me/errands", new { matterId, contactId = 7, validFrom = today }), "contactId"); // no such contact
        await Refused(await grantor.Client.PostAsJsonAsync("/api/me/errands", new { matterId, contactId = 7, name = "周代办", idNumber = id, validFrom = today }), "contactId");
        await Refused(await grantor.Client.PostAsJsonAsync("/api/me/errands", new { matterId, name = "周代办", idNumber = id }), "validFrom");
        var unparsable = await grantor.Client.PostAsync("/api/me/errands", new StringContent("{\"matterId\":\"x\"", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unparsable.StatusCode);

        var anonymous = await factory.AnonymousCitizenAsync();
        await HttpAssert.Problem(await anonymous.GrantAsync(matterId, "周代办", id, today), HttpStatusCode.Forbidden, "auth.real_name_required");
        await HttpAssert.Problem(await anonymous.Client.GetAsync("/api/me/errands/received"), HttpStatusCode.Forbidden, "auth.real_name_required");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/me/errands/granted")).StatusCode);
        await HttpAssert.Problem(await grantor.Client.GetAsync("/api/me/errands/granted/999999"), HttpStatusCode.NotFound, "errands.not_found");
        Assert.Empty((await HttpAssert.Ok(await grantor.Client.GetAsync("/api/me/errands/granted"))).EnumerateArray()); // nothing half-written
    }

    [Fact]
    public async Task Nobody_authorises_themselves_twice_the_same_or_beyond_the_limit()
    {
        var matterId = await factory.MatterAsync("公积金提取");
        var other = await factory.MatterAsync("社保卡补办");
        var grantor = await factory.CitizenAsync("吴授权");
        var today = ErrandsKit.Today;
        await HttpAssert.Problem(await grantor.GrantAsync(matterId, "吴授权", grantor.IdNumber, today), HttpStatusCode.BadRequest, "errands.self");
        await HttpAssert.Problem(await grantor.GrantAsync(matterId, "别的名字", grantor.IdNumber!.ToLowerInvariant(), today), HttpStatusCode.BadRequest, "errands.self");

        var first = TestUsers.NextIdNumber(new DateOnly(1970, 1, 2));
        await HttpAssert.Ok(await grantor.GrantAsync(matterId, "郑一", first, today, today.AddDays(2)), HttpStatusCode.Created);
        await HttpAssert.Problem(await grantor.GrantAsync(matterId, "郑一", first, today.AddDays(2)), HttpStatusCode.Conflict, "errands.already_granted");
        await HttpAssert.Ok(await grantor.GrantAsync(other, "郑一", first, today.AddDays(2)), HttpStatusCode.Created); // another matter
        var third = await HttpAssert.Ok(await grantor.GrantAsync(matterId, "郑一", first, today.AddDays(3)), HttpStatusCode.Created); // after the first range
        var limited = await grantor.GrantAsync(matterId, "郑二", TestUsers.NextIdNumber(new DateOnly(1971, 1, 2)), today.AddDays(5));
        await HttpAssert.Problem(limited, HttpStatusCode.Conflict, "errands.limit_reached"); // three open ones at most here

        await HttpAssert.Ok(await grantor.RevokeAsync(third.Id())); // a revoked one no longer counts
        await HttpAssert.Ok(await grantor.GrantAsync(matterId, "郑二", TestUsers.NextIdNumber(new DateOnly(1971, 1, 2)), today.AddDays(5)), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Parallel_grants_never_pass_the_limit()
    {
        var matterId = await factory.MatterAsync("护照办理");
        var grantor = await factory.CitizenAsync("秦授权");
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            grantor.GrantAsync(matterId, "许代办", TestUsers.NextIdNumber(new DateOnly(1980, 2, 3 + i)), ErrandsKit.Today.AddDays(1))));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await HttpAssert.Problem(refused, HttpStatusCode.Conflict, "errands.limit_reached");
        Assert.Equal(3, (await HttpAssert.Ok(await grantor.Client.GetAsync("/api/me/errands/granted"))).GetArrayLength());
    }

    [Fact]
    public async Task The_answer_is_the_same_whether_or_not_the_grantee_exists_and_only_that_person_sees_it()
    {
        var matterId = await factory.MatterAsync("车辆年检");
        var grantor = await factory.CitizenAsync("冯授权");
        var existing = await factory.CitizenAsync("陈代办");
        var unknownId = TestUsers.NextIdNumber(new DateOnly(1990, 5, 17));
        var day = ErrandsKit.Today.AddDays(4);

        var forExisting = await grantor.GrantAsync(matterId, "陈代办", existing.IdNumber, day);
        var forUnknown = await grantor.GrantAsync(matterId, "陈代办", unknownId, day);
        Assert.Equal(HttpStatusCode.Created, forExisting.StatusCode);
        Assert.Equal(forUnknown.StatusCode, forExisting.StatusCode);
        Assert.Equal(Comparable(await forUnknown.Content.ReadAsStringAsync()), Comparable(await forExisting.Content.ReadAsStringAsync()));
        Assert.Single(await factory.QueryAsync(db => db.Set<Notice>().Where(n => n.PersonId == existing.PersonId).ToListAsync()));

        // The right document under another name reaches nobody: no notice, not in the list.
        var namesake = await factory.CitizenAsync("褚代办");
        await HttpAssert.Ok(await grantor.GrantAsync(matterId, "褚别名", namesake.IdNumber, day), HttpStatusCode.Created);
        Assert.Empty(await factory.QueryAsync(db => db.Set<Notice>().Where(n => n.PersonId == namesake.PersonId).ToListAsync()));
        Assert.Empty((await HttpAssert.Ok(await namesake.Client.GetAsync("/api/me/errands/received"))).EnumerateArray());
        Assert.Single((await HttpAssert.Ok(await existing.Client.GetAsync("/api/me/errands/received"))).EnumerateArray());
        Assert.Equal(3, (await HttpAssert.Ok(await grantor.Client.GetAsync("/api/me/errands/granted"))).GetArrayLength());
    }

    [Fact]
    public async Task Deleting_the_grantors_last_account_revokes_what_it_granted()
    {
        var matterId = await factory.MatterAsync("税务申报");
        var grantor = await factory.CitizenAsync("卫授权");
        var grantee = await factory.CitizenAsync("蒋代办");
        var id = (await grantor.GrantToAsync(matterId, grantee, "蒋代办", ErrandsKit.Today.AddDays(1))).Id();
        Assert.Equal(HttpStatusCode.NoContent, (await grantor.Client.DeleteAsync("/api/me")).StatusCode);
        var seen = await grantee.ReceivedAsync(id);
        Assert.Equal(("expired", "revoked", false), (seen.State(), seen.GetProperty("endReason").GetString(), seen.GetProperty("canRespond").GetBoolean()));
        await HttpAssert.Problem(await grantee.AnswerAsync(id, accept: true), HttpStatusCode.Conflict, "errands.not_pending");
    }

    /// <summary>The answer without what differs by design (the new id, the typed document masked, the link).</summary>
    private static string Comparable(string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json.Remove("id");
        json.Remove("granteeDocument");
        return json.ToJsonString();
    }
}
