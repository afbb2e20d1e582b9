using System.Net;
using System.Net.Http.Json;
using MiniCode.Data;
using MiniCode.Features.Licences;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Licences;

/// <summary>电子证照 over HTTP: types, 授权关联 / 不授权, the holder's list and order, detail, unbinding, and who may do what.</summary>
public sealed class LicenceBindingTests : IDisposable
{
    private readonly HealthCodesFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_manual_s_two_types_are_offered_and_staff_disabled_ones_are_not()
    {
        var types = await HttpAssert.Ok(await _factory.CreateClient().GetAsync("/api/licence-types"));
        Assert.Equal([LicenceKit.IdCredential, LicenceKit.SocialSecurity], types.EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        Assert.Equal("居民身份电子凭证", types[0].GetProperty("name").GetString());
        Assert.True(types[0].GetProperty("identityCredential").GetBoolean());
        await _factory.QueryAsync(db => db.Set<LicenceType>().Where(t => t.CatalogueCode == LicenceKit.SocialSecurity)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Enabled, false)));
        types = await HttpAssert.Ok(await _factory.CreateClient().GetAsync("/api/licence-types"));
        Assert.Single(types.EnumerateArray());
        var citizen = await _factory.CitizenAsync("赵六");
        await HttpAssert.Problem(await citizen.BindAsync(LicenceKit.SocialSecurity), HttpStatusCode.NotFound, "licences.type_not_found");
        await HttpAssert.Problem(await citizen.BindAsync("no_such_type"), HttpStatusCode.NotFound, "licences.type_not_found");
    }

    [Fact]
    public async Task Binding_asks_the_issuer_blind_stores_the_number_encrypted_and_shows_it_masked()
    {
        var citizen = await _factory.CitizenAsync("张三");
        await _factory.IssuerRecordAsync(LicenceKit.IdCredential, citizen.IdNumber!, licenceNumber: "ID-CRED-0012345678", validTo: new DateOnly(2036, 5, 1));
        var licence = await citizen.BoundAsync(LicenceKit.IdCredential);
        Assert.Equal("居民身份电子凭证", licence.GetProperty("typeName").GetString());
        Assert.Equal("张*", licence.GetProperty("holder").GetString());
        Assert.Equal("ID-***********5678", licence.GetProperty("licenceNumber").GetString());
        Assert.Equal("公安部（模拟签发）", licence.GetProperty("issuer").GetString());
        Assert.Equal("2036-05-01", licence.GetProperty("validTo").GetString());
        Assert.True(licence.GetProperty("hasFaceImage").GetBoolean());
        Assert.False(licence.GetProperty("expired").GetBoolean());

        var id = licence.GetProperty("id").GetInt64();
        var detail = await HttpAssert.Ok(await citizen.Client.GetAsync($"/api/me/licences/{id}"));
        Assert.Equal("ID-***********5678", detail.GetProperty("licenceNumber").GetString());
        var stored = await _factory.QueryAsync(db => db.Set<LicenceBinding>().SingleAsync(b => b.Id == id));
        Assert.DoesNotContain("0012345678", stored.LicenceNumberCipher);
        Assert.StartsWith("v1:", stored.LicenceNumberCipher);
        Assert.StartsWith("v1:", stored.FaceImageRefCipher);
        // Only the ID number's SHA-256 travelled to the issuer.
        var wire = await HttpAssert.Ok(await _factory.CreateClient().GetAsync("/simulator/licences/simulator/requests"));
        Assert.DoesNotContain(wire.EnumerateArray(), body => body.GetString()!.Contains(citizen.IdNumber!));
        Assert.Contains(wire.EnumerateArray(), body => body.GetString()!.Contains("idNumberSha256"));
    }

    [Fact]
    public async Task Declining_stores_nothing_and_binding_twice_is_the_same_binding()
    {
        var citizen = await _factory.CitizenAsync("李雷");
        var declined = await HttpAssert.Ok(await citizen.BindAsync(LicenceKit.SocialSecurity, consent: false));
        Assert.False(declined.GetProperty("bound").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, declined.GetProperty("licence").ValueKind);
        Assert.Equal(0, await _factory.QueryAsync(db => db.Set<LicenceBinding>().CountAsync()));

        var first = await citizen.BoundAsync(LicenceKit.SocialSecurity);
        var second = await citizen.BoundAsync(LicenceKit.SocialSecurity);
        Assert.Equal(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
        Assert.Single((await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/licences"))).EnumerateArray());
        var both = await Task.WhenAll(citizen.BindAsync(LicenceKit.IdCredential), citizen.BindAsync(LicenceKit.IdCredential));
        var ids = new List<long>();
        foreach (var r in both) ids.Add((await HttpAssert.Ok(r)).GetProperty("licence").GetProperty("id").GetInt64());
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task Only_the_real_named_holder_binds_their_own_licence()
    {
        var anonymous = await _factory.AnonymousCitizenAsync();
        await HttpAssert.Problem(await anonymous.BindAsync(LicenceKit.IdCredential), HttpStatusCode.Forbidden, "auth.real_name_required");
        await HttpAssert.Problem(await anonymous.Client.GetAsync("/api/me/licences"), HttpStatusCode.Forbidden, "auth.real_name_required");
        await HttpAssert.Problem(await _factory.CreateClient().GetAsync("/api/me/licences"), HttpStatusCode.Unauthorized, "auth.unauthorized");

        // The issuer knows the ID number under another name: the licence is someone else's.
        var impostor = await _factory.CitizenAsync("王五");
        await _factory.IssuerRecordAsync(LicenceKit.IdCredential, impostor.IdNumber!, holderName: "王伍");
        await HttpAssert.Problem(await impostor.BindAsync(LicenceKit.IdCredential), HttpStatusCode.Conflict, "licences.holder_mismatch");
        await _factory.IssuerRecordAsync(LicenceKit.SocialSecurity, impostor.IdNumber!, absent: true);
        await HttpAssert.Problem(await impostor.BindAsync(LicenceKit.SocialSecurity), HttpStatusCode.NotFound, "licences.not_issued");

        // One licence, two persons: the second is refused while the first holds it.
        var owner = await _factory.CitizenAsync("韩梅梅");
        var other = await _factory.CitizenAsync("韩梅梅");
        await _factory.IssuerRecordAsync(LicenceKit.SocialSecurity, owner.IdNumber!, licenceNumber: "SSC-000111222");
        await _factory.IssuerRecordAsync(LicenceKit.SocialSecurity, other.IdNumber!, licenceNumber: "SSC-000111222");
        var bound = await owner.BoundAsync(LicenceKit.SocialSecurity);
        await HttpAssert.Problem(await other.BindAsync(LicenceKit.SocialSecurity), HttpStatusCode.Conflict, "licences.bound_elsewhere");

        // Another person's binding does not exist for the caller, whatever they do with it.
        var id = bound.GetProperty("id").GetInt64();
        await HttpAssert.Problem(await other.Client.GetAsync($"/api/me/licences/{id}"), HttpStatusCode.NotFound, "licences.not_found");
        await HttpAssert.Problem(await other.Client.GetAsync($"/api/me/licences/{id}/code"), HttpStatusCode.NotFound, "licences.not_found");
        await HttpAssert.Problem(await other.Client.DeleteAsync($"/api/me/licences/{id}"), HttpStatusCode.NotFound, "licences.not_found");
        await HttpAssert.Problem(await other.Client.PutAsJsonAsync("/api/me/licences/order", new { ids = new[] { id } }), HttpStatusCode.BadRequest, "licences.order_mismatch");
        await HttpAssert.Ok(await owner.Client.GetAsync($"/api/me/licences/{id}"));
    }

    [Fact]
    public async Task An_issuer_outage_is_a_503_with_retry_after_and_stores_nothing()
    {
        var citizen = await _factory.CitizenAsync("孙七");
        await _factory.IssuerOutageAsync(1);
        var down = await citizen.BindAsync(LicenceKit.IdCredential);
        await HttpAssert.Problem(down, HttpStatusCode.ServiceUnavailable, "licences.issuer_unavailable");
        Assert.NotNull(down.Headers.RetryAfter);
        Assert.Equal(0, await _factory.QueryAsync(db => db.Set<LicenceBinding>().CountAsync()));
        await citizen.BoundAsync(LicenceKit.IdCredential);
    }

    [Fact]
    public async Task Bad_input_is_a_400_with_the_field()
    {
        var citizen = await _factory.CitizenAsync("周八");
        var missing = await HttpAssert.Problem(await citizen.Client.PostAsJsonAsync("/api/me/licences", new { type = LicenceKit.IdCredential }),
            HttpStatusCode.BadRequest, "request.validation_failed");
        Assert.True(missing.GetProperty("errors").TryGetProperty("consent", out _));
        await HttpAssert.Problem(await citizen.Client.PostAsJsonAsync("/api/me/licences", new { consent = true }), HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await citizen.Client.PutAsJsonAsync("/api/me/licences/order", new { }), HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public async Task The_order_is_the_holder_s_and_must_name_every_licence_once()
    {
        var citizen = await _factory.CitizenAsync("吴九");
        var a = (await citizen.BoundAsync(LicenceKit.IdCredential)).GetProperty("id").GetInt64();
        var b = (await citizen.BoundAsync(LicenceKit.SocialSecurity)).GetProperty("id").GetInt64();
        async Task<long[]> ListedAsync() =>
            (await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/licences"))).EnumerateArray().Select(l => l.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal([a, b], await ListedAsync());

        var reordered = await HttpAssert.Ok(await citizen.Client.PutAsJsonAsync("/api/me/licences/order", new { ids = new[] { b, a } }));
        Assert.Equal([b, a], reordered.EnumerateArray().Select(l => l.GetProperty("id").GetInt64()));
        Assert.Equal([b, a], await ListedAsync());
        foreach (var wrong in new[] { new[] { b }, new[] { b, b }, new[] { b, a, a }, new[] { b, a + 1000 }, Array.Empty<long>() })
            await HttpAssert.Problem(await citizen.Client.PutAsJsonAsync("/api/me/licences/order", new { ids = wrong }), HttpStatusCode.BadRequest, "licences.order_mismatch");
        Assert.Equal([b, a], await ListedAsync());

        await HttpAssert.Ok(await citizen.Client.DeleteAsync($"/api/me/licences/{b}"), HttpStatusCode.NoContent);
        Assert.Equal([a], await ListedAsync());
        await HttpAssert.Problem(await citizen.Client.PutAsJsonAsync("/api/me/licences/order", new { ids = new[] { a, b } }), HttpStatusCode.BadRequest, "licences.order_mismatch");
        await HttpAssert.Problem(await citizen.Client.DeleteAsync($"/api/me/licences/{b}"), HttpStatusCode.NotFound, "licences.not_found");
        // Binding again after unbinding is a new binding, last in the order.
        var again = (await citizen.BoundAsync(LicenceKit.SocialSecurity)).GetProperty("id").GetInt64();
        Assert.NotEqual(b, again);
        Assert.Equal([a, again], await ListedAsync());
    }
}
