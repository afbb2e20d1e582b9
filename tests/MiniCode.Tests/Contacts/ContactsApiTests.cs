using System.Net;
using System.Net.Http.Json;
using MiniCode.Data;
using MiniCode.Features.Contacts;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Contacts;

/// <summary>常用联系人 over HTTP: CRUD, masking, encryption at rest, the limit, validation and whose list it is.</summary>
public sealed class ContactsApiTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new MiniCodeFactory().With("MiniCode:Contacts:MaxPerPerson", "2");

    public void Dispose() => _factory.Dispose();

    private static string IdNumber() => TestUsers.NextIdNumber(new DateOnly(1960, 3, 8));

    [Fact]
    public async Task Contacts_are_kept_encrypted_shown_masked_changed_and_deleted()
    {
        var owner = await _factory.CitizenAsync("张三");
        var id = IdNumber();
        var created = await HttpAssert.Ok(await owner.Client.PostAsJsonAsync("/api/me/contacts",
            new { name = "张父", relation = "父亲", phone = "13812345678", idNumber = id }), HttpStatusCode.Created);
        var contactId = created.GetProperty("id").GetInt64();
        Assert.Equal(SensitiveMask(id), created.GetProperty("idNumber").GetString());
        Assert.Equal("138****5678", created.GetProperty("phone").GetString());
        Assert.Equal("父亲", created.GetProperty("relation").GetString());
        var stored = await _factory.QueryAsync(db => db.Set<Contact>().SingleAsync());
        Assert.StartsWith("v1:", stored.DocumentCipher);
        Assert.StartsWith("v1:", stored.PhoneCipher);
        Assert.DoesNotContain(id, stored.DocumentCipher + stored.DocumentIndex + stored.PhoneCipher);
        var details = await _factory.WithServiceAsync<MiniCode.Features.People.IContactLookup, MiniCode.Features.People.SavedContact?>(s => s.FindAsync(0, owner.PersonId!.Value, contactId, default));
        Assert.Equal((id, "13812345678"), (details!.IdNumber, details.Phone));

        var updated = await HttpAssert.Ok(await owner.Client.PutAsJsonAsync($"/api/me/contacts/{contactId}", new { name = "张父", idNumber = id }));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, updated.GetProperty("phone").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, updated.GetProperty("relation").ValueKind);
        var list = await HttpAssert.Ok(await owner.Client.GetAsync("/api/me/contacts"));
        Assert.Equal(contactId, Assert.Single(list.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal("张父", (await HttpAssert.Ok(await owner.Client.GetAsync($"/api/me/contacts/{contactId}"))).GetProperty("name").GetString());

        await HttpAssert.Ok(await owner.Client.DeleteAsync($"/api/me/contacts/{contactId}"), HttpStatusCode.NoContent);
        await HttpAssert.Problem(await owner.Client.GetAsync($"/api/me/contacts/{contactId}"), HttpStatusCode.NotFound, "contacts.not_found");
        Assert.Empty((await HttpAssert.Ok(await owner.Client.GetAsync("/api/me/contacts"))).EnumerateArray());
    }

    [Fact]
    public async Task At_most_the_configured_number_one_per_document_and_only_the_owner_s()
    {
        var owner = await _factory.CitizenAsync("李四");
        var first = IdNumber();
        var a = await HttpAssert.Ok(await owner.Client.PostAsJsonAsync("/api/me/contacts", new { name = "李母", idNumber = first }), HttpStatusCode.Created);
        await HttpAssert.Problem(await owner.Client.PostAsJsonAsync("/api/me/contacts", new { name = "李母", idNumber = first.ToLowerInvariant() }),
            HttpStatusCode.Conflict, "contacts.already_added");
        var second = IdNumber();
        var b = await HttpAssert.Ok(await owner.Client.PostAsJsonAsync("/api/me/contacts", new { name = "李弟", idNumber = second }), HttpStatusCode.Created);
        await HttpAssert.Problem(await owner.Client.PostAsJsonAsync("/api/me/contacts", new { name = "李妹", idNumber = IdNumber() }),
            HttpStatusCode.Conflict, "contacts.limit_reached");
        await HttpAssert.Problem(await owner.Client.PutAsJsonAsync($"/api/me/contacts/{b.GetProperty("id").GetInt64()}", new { name = "李弟", idNumber = first }),
            HttpStatusCode.Conflict, "contacts.already_added");

        var stranger = await _factory.CitizenAsync("王五");
        var aId = a.GetProperty("id").GetInt64();
        await HttpAssert.Problem(await stranger.Client.GetAsync($"/api/me/contacts/{aId}"), HttpStatusCode.NotFound, "contacts.not_found");
        await HttpAssert.Problem(await stranger.Client.PutAsJsonAsync($"/api/me/contacts/{aId}", new { name = "李母", idNumber = first }), HttpStatusCode.NotFound, "contacts.not_found");
        await HttpAssert.Problem(await stranger.Client.DeleteAsync($"/api/me/contacts/{aId}"), HttpStatusCode.NotFound, "contacts.not_found");
        Assert.Empty((await HttpAssert.Ok(await stranger.Client.GetAsync("/api/me/contacts"))).EnumerateArray());
        var anonymous = await _factory.AnonymousCitizenAsync();
        await HttpAssert.Problem(await anonymous.Client.GetAsync("/api/me/contacts"), HttpStatusCode.Forbidden, "auth.real_name_required");
    }

    [Fact]
    public async Task Bad_fields_are_400_with_each_field_and_full_width_digits_are_refused()
    {
        var owner = await _factory.CitizenAsync("赵六");
        var id = IdNumber();
        var fullWidth = string.Concat(id.Select(c => char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c));
        var problem = await HttpAssert.Problem(await owner.Client.PostAsJsonAsync("/api/me/contacts",
            new { name = "X", idNumber = fullWidth, phone = "１３８１２３４５６７８", relation = new string('亲', 21) }), HttpStatusCode.BadRequest, "request.validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "idNumber", "phone", "relation" }) Assert.True(errors.TryGetProperty(field, out _), field);
        var wrongCheck = id[..17] + (id[17] == '0' ? '1' : '0');
        await HttpAssert.Problem(await owner.Client.PostAsJsonAsync("/api/me/contacts", new { name = "赵七", idNumber = wrongCheck }), HttpStatusCode.BadRequest, "request.validation_failed");
        Assert.Equal(0, await _factory.QueryAsync(db => db.Set<Contact>().CountAsync()));
    }

    private static string SensitiveMask(string id) => MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskIdNumber(id);
}
