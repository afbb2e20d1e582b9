using System.Net;
using System.Net.Http.Json;
using MiniCode.Features.Errands;
using MiniCode.Features.People;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Licences;

namespace MiniCode.Tests.Errands;

/// <summary>
/// Where a grantee and the shown licences come from: a 常用联系人 and the grantor's own e-licences (the extension points
/// the contacts and licences features fill), and grantees identified by a passport or a Mainland Travel Permit.
/// </summary>
public sealed class ErrandGranteeSourcesTests : IDisposable
{
    private readonly ErrandsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_grant_to_a_contact_with_licences_the_grantor_holds_reaches_the_contact()
    {
        var matterId = await _factory.MatterAsync("医保报销");
        var grantor = await _factory.CitizenAsync("钱授权");
        var grantee = await _factory.CitizenAsync("郑代办");
        var contact = await HttpAssert.Ok(await grantor.Client.PostAsJsonAsync("/api/me/contacts",
            new { name = "郑代办", relation = "同事", idNumber = grantee.IdNumber, phone = "13912345678" }), HttpStatusCode.Created);
        var idCard = (await grantor.BoundAsync(LicenceKit.IdCredential)).GetProperty("id").GetInt64();
        var social = (await grantor.BoundAsync(LicenceKit.SocialSecurity)).GetProperty("id").GetInt64();

        var created = await HttpAssert.Ok(await grantor.Client.PostAsJsonAsync("/api/me/errands",
            new { matterId, contactId = contact.GetProperty("id").GetInt64(), validFrom = ErrandsKit.Today.AddDays(1), licenceIds = new[] { social, idCard } }),
            HttpStatusCode.Created);
        Assert.Equal("郑**", created.GetProperty("granteeName").GetString());
        Assert.Equal("residentId", created.GetProperty("granteeDocumentType").GetString());
        Assert.Equal(SensitiveMask(grantee.IdNumber!), created.GetProperty("granteeDocument").GetString());
        Assert.Equal("139****5678", created.GetProperty("granteePhone").GetString()); // the contact's phone
        Assert.Equal([social, idCard], created.GetProperty("licenceIds").EnumerateArray().Select(e => e.GetInt64()));

        var received = await grantee.ReceivedAsync(created.Id());
        Assert.Equal("pending", received.State());
        Assert.Equal([social, idCard], received.GetProperty("licenceIds").EnumerateArray().Select(e => e.GetInt64()));
    }

    [Fact]
    public async Task Another_person_s_licence_or_contact_and_an_unbound_licence_are_refused()
    {
        var matterId = await _factory.MatterAsync("出入境证件");
        var grantor = await _factory.CitizenAsync("冯授权");
        var other = await _factory.CitizenAsync("陈他人");
        var grantee = await _factory.CitizenAsync("褚代办");
        var theirLicence = (await other.BoundAsync(LicenceKit.SocialSecurity)).GetProperty("id").GetInt64();
        var theirContact = (await HttpAssert.Ok(await other.Client.PostAsJsonAsync("/api/me/contacts",
            new { name = "褚代办", idNumber = grantee.IdNumber }), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var mine = (await grantor.BoundAsync(LicenceKit.SocialSecurity)).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await grantor.Client.DeleteAsync($"/api/me/licences/{mine}")).StatusCode);
        var day = ErrandsKit.Today.AddDays(2);

        async Task Refused(HttpResponseMessage response, string field)
        {
            var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest, "request.validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }

        await Refused(await grantor.GrantAsync(matterId, "褚代办", grantee.IdNumber, day, licenceIds: [theirLicence]), "licenceIds");
        await Refused(await grantor.GrantAsync(matterId, "褚代办", grantee.IdNumber, day, licenceIds: [mine]), "licenceIds"); // unbound
        await Refused(await grantor.Client.PostAsJsonAsync("/api/me/errands", new { matterId, contactId = theirContact, validFrom = day }), "contactId");
        Assert.Empty((await HttpAssert.Ok(await grantor.Client.GetAsync("/api/me/errands/granted"))).EnumerateArray());
        Assert.Empty((await HttpAssert.Ok(await grantee.Client.GetAsync("/api/me/errands/received"))).EnumerateArray());
    }

    [Theory]
    [InlineData("passport", "e12345678", "E12345678", DocumentType.Passport)]
    [InlineData("hkMacaoPermit", "H12345678", "H12345678", DocumentType.HkMacaoPermit)]
    [InlineData("taiwanPermit", "1234567801", "1234567801", DocumentType.TaiwanPermit)]
    public async Task A_grantee_without_a_mainland_id_card_is_named_by_document_kept_encrypted_and_shown_masked(
        string kind, string typed, string number, DocumentType type)
    {
        var matterId = await _factory.MatterAsync("证照代领-" + kind);
        var grantor = await _factory.CitizenAsync("何授权");
        var created = await HttpAssert.Ok(await grantor.Client.PostAsJsonAsync("/api/me/errands",
            new { matterId, name = "Chan Tai Man", documentType = kind, documentNumber = typed, validFrom = ErrandsKit.Today }), HttpStatusCode.Created);
        Assert.Equal(kind, created.GetProperty("granteeDocumentType").GetString());
        Assert.Equal(SensitiveMask(number), created.GetProperty("granteeDocument").GetString());
        Assert.Equal(created.GetProperty("granteeDocument").GetString(), (await grantor.GrantedAsync(created.Id())).GetProperty("granteeDocument").GetString());

        var stored = await _factory.QueryAsync(db => db.Set<ErrandAuthorisation>().SingleAsync(a => a.Id == created.Id()));
        Assert.Equal(type, stored.GranteeDocumentType);
        Assert.StartsWith("v1:", stored.GranteeDocumentCipher);
        Assert.DoesNotContain(number, stored.GranteeDocumentCipher + stored.GranteeDocumentIndex);
        var index = await _factory.WithServiceAsync<MiniCode.Features.Identity.RealNameService, string>(r => Task.FromResult(r.BlindIndexOf(type, number)));
        Assert.Equal(index, stored.GranteeDocumentIndex); // as the person of that document is found
    }

    [Fact]
    public async Task Documents_are_checked_per_kind_as_in_real_name_verification()
    {
        var matterId = await _factory.MatterAsync("港澳通行证续签");
        var grantor = await _factory.CitizenAsync("吕授权");

        async Task Refused(object body, string field)
        {
            var problem = await HttpAssert.Problem(await grantor.Client.PostAsJsonAsync("/api/me/errands", body), HttpStatusCode.BadRequest, "request.validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }

        var today = ErrandsKit.Today;
        await Refused(new { matterId, name = "Chan Tai Man", documentType = "passport", documentNumber = "E1", validFrom = today }, "documentNumber");
        await Refused(new { matterId, name = "Chan Tai Man", documentType = "hkMacaoPermit", documentNumber = "X12345678", validFrom = today }, "documentNumber");
        await Refused(new { matterId, name = "Chan Tai Man", documentType = "taiwanPermit", documentNumber = "1234567", validFrom = today }, "documentNumber");
        await Refused(new { matterId, name = "Chan Tai Man", documentType = "driverLicence", documentNumber = "E12345678", validFrom = today }, "documentType");
        await Refused(new { matterId, name = "Chan Tai Man", documentType = "passport", validFrom = today }, "documentNumber");
        await Refused(new { matterId, name = "Chan Tai Man", documentType = "passport", documentNumber = "E12345678", idNumber = TestUsers.NextIdNumber(new DateOnly(1980, 1, 1)), validFrom = today }, "idNumber");
        await Refused(new { matterId, name = "Chan Tai Man", idNumber = TestUsers.NextIdNumber(new DateOnly(1980, 1, 1)), documentNumber = "E12345678", validFrom = today }, "documentNumber");
        await Refused(new { matterId, contactId = 1, documentType = "passport", validFrom = today }, "contactId");
        Assert.Empty((await HttpAssert.Ok(await grantor.Client.GetAsync("/api/me/errands/granted"))).EnumerateArray());
    }

    private static string SensitiveMask(string number) => MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskIdNumber(number);
}
