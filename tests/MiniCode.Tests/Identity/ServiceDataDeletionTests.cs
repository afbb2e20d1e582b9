using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Appointments;
using MiniCode.Features.Contacts;
using MiniCode.Features.Enterprises;
using MiniCode.Features.Errands;
using MiniCode.Features.Licences;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;
using MiniCode.Tests.Appointments;
using MiniCode.Tests.Enterprises;
using MiniCode.Tests.Errands;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Licences;

namespace MiniCode.Tests.Identity;

/// <summary>
/// DELETE /api/me and the 一码通 services (PIPL): what belongs to the person goes with its last account — bookings (places
/// freed), enterprise bindings, bound licences, contacts; its open authorisations end (granted ones revoked, received ones
/// declined). While another account stands on the person, everything stays.
/// </summary>
public sealed class ServiceDataDeletionTests : IDisposable
{
    private readonly ErrandsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Bookings_go_and_their_future_places_are_freed()
    {
        var hall = await _factory.HallAsync();
        var slot = await _factory.SlotAsync(hall, _factory.TomorrowAtNine(), capacity: 3);
        var citizen = await _factory.CitizenAsync("上官预约");
        var other = await _factory.CitizenAsync("夏侯预约");
        await citizen.BookedAsync(hall, slot);
        await citizen.BookAsync(hall, slot, new { name = "上官家人", idNumber = TestUsers.NextIdNumber(new DateOnly(1970, 1, 2)) });
        await other.BookedAsync(hall, slot);
        Assert.Equal(HttpStatusCode.Conflict, (await other.BookAsync(hall, slot, new { name = "夏侯家人", idNumber = TestUsers.NextIdNumber(new DateOnly(1971, 1, 2)) })).StatusCode);

        await DeleteAsync(citizen);
        Assert.False(await _factory.QueryAsync(db => db.Set<Appointment>().AnyAsync(a => a.BookerPersonId == citizen.PersonId)));
        Assert.Equal(2, (await _factory.CreateClient().SlotAsync(hall, slot)).GetProperty("remaining").GetInt32()); // two places back
        Assert.Single((await HttpAssert.Ok(await other.Client.GetAsync("/api/me/appointments"))).EnumerateArray()); // others' stay
    }

    [Fact]
    public async Task Enterprise_bindings_end_and_their_codes_verify_as_revoked()
    {
        var citizen = await _factory.CitizenAsync("诸葛法人");
        var colleague = await _factory.CitizenAsync("诸葛员工");
        var code = EnterprisesKit.NewCreditCode("220102");
        var name = "长春市" + MiniCode.Tests.Admin.RegionalWorld.Mark("诸葛科技");
        await _factory.RegisterAsync(code, name, "220102", citizen, colleague);
        var binding = await citizen.BoundAsync(name, code, "legalRepresentative");
        var theirs = await colleague.BoundAsync(name, code);
        var payload = await citizen.EnterpriseCodeAsync(binding);

        await DeleteAsync(citizen);
        Assert.False(await _factory.QueryAsync(db => db.Set<EnterpriseBinding>().AnyAsync(b => b.PersonId == citizen.PersonId && b.RemovedAt == null)));
        var verified = await _factory.Partner().VerifyAsync(payload);
        Assert.Equal((false, "revoked"), (verified.GetProperty("valid").GetBoolean(), verified.GetProperty("reason").GetString()));
        Assert.True((await _factory.Partner().VerifyAsync(await colleague.EnterpriseCodeAsync(theirs))).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Bound_licences_and_contacts_go()
    {
        var citizen = await _factory.CitizenAsync("慕容证照");
        var other = await _factory.CitizenAsync("令狐证照");
        var licence = (await citizen.BoundAsync(LicenceKit.SocialSecurity)).GetProperty("id").GetInt64();
        var payload = await citizen.LicenceCodeAsync(licence);
        await other.BoundAsync(LicenceKit.SocialSecurity);
        await AddContactAsync(citizen, "慕容联系");
        await AddContactAsync(other, "令狐联系");

        await DeleteAsync(citizen);
        Assert.False(await _factory.QueryAsync(db => db.Set<LicenceBinding>().AnyAsync(b => b.PersonId == citizen.PersonId)));
        Assert.False(await _factory.QueryAsync(db => db.Set<Contact>().AnyAsync(c => c.OwnerPersonId == citizen.PersonId)));
        Assert.False((await _factory.Partner().VerifyAsync(payload)).GetProperty("valid").GetBoolean());
        Assert.Single((await HttpAssert.Ok(await other.Client.GetAsync("/api/me/licences"))).EnumerateArray());
        Assert.Single((await HttpAssert.Ok(await other.Client.GetAsync("/api/me/contacts"))).EnumerateArray());
    }

    [Fact]
    public async Task Open_authorisations_end_granted_ones_revoked_and_received_ones_declined()
    {
        var matterId = await _factory.MatterAsync("社保转移");
        var citizen = await _factory.CitizenAsync("欧阳删除");
        var grantee = await _factory.CitizenAsync("皇甫代办");
        var grantor = await _factory.CitizenAsync("端木授权");
        var granted = (await citizen.GrantToAsync(matterId, grantee, "皇甫代办", ErrandsKit.Today.AddDays(1))).Id();
        var acceptedByMe = (await grantor.GrantToAsync(matterId, citizen, "欧阳删除", ErrandsKit.Today.AddDays(1))).Id();
        await HttpAssert.Ok(await citizen.AnswerAsync(acceptedByMe, accept: true));
        var waitingForMe = (await grantor.GrantToAsync(matterId, citizen, "欧阳删除", ErrandsKit.Today.AddDays(3))).Id();
        await HttpAssert.Ok(await grantee.AnswerAsync(granted, accept: true));

        await DeleteAsync(citizen);
        var seenByGrantee = await grantee.ReceivedAsync(granted);
        Assert.Equal(("expired", "revoked"), (seenByGrantee.State(), seenByGrantee.GetProperty("endReason").GetString()));
        Assert.False(seenByGrantee.GetProperty("codeAvailable").GetBoolean());
        Assert.Equal("declined", (await grantor.GrantedAsync(acceptedByMe)).State());
        Assert.Equal("declined", (await grantor.GrantedAsync(waitingForMe)).State());
        var stored = await _factory.QueryAsync(db => db.Set<ErrandAuthorisation>().Where(a => a.GrantorPersonId == citizen.PersonId).ToListAsync());
        Assert.All(stored, a => Assert.Equal(AuthorisationStatus.Revoked, a.Status));
    }

    [Fact]
    public async Task While_another_account_stands_on_the_person_everything_stays()
    {
        var hall = await _factory.HallAsync();
        var slot = await _factory.SlotAsync(hall, _factory.TomorrowAtNine());
        var matterId = await _factory.MatterAsync("公证办理");
        var citizen = await _factory.CitizenAsync("公孙两号");
        var grantee = await _factory.CitizenAsync("公孙代办");
        var second = await SecondAccountAsync(citizen);
        await citizen.BookedAsync(hall, slot);
        var licence = (await citizen.BoundAsync(LicenceKit.IdCredential)).GetProperty("id").GetInt64();
        await AddContactAsync(citizen, "公孙联系");
        var code = EnterprisesKit.NewCreditCode("220102");
        var name = "长春市" + MiniCode.Tests.Admin.RegionalWorld.Mark("公孙商贸");
        await _factory.RegisterAsync(code, name, "220102", citizen);
        await citizen.BoundAsync(name, code, "legalRepresentative");
        var granted = (await citizen.GrantToAsync(matterId, grantee, "公孙代办", ErrandsKit.Today.AddDays(1))).Id();

        await DeleteAsync(citizen);
        Assert.Single((await HttpAssert.Ok(await second.Client.GetAsync("/api/me/appointments"))).EnumerateArray());
        Assert.Equal(licence, Assert.Single((await HttpAssert.Ok(await second.Client.GetAsync("/api/me/licences"))).EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Single((await HttpAssert.Ok(await second.Client.GetAsync("/api/me/contacts"))).EnumerateArray());
        Assert.Single((await HttpAssert.Ok(await second.Client.GetAsync("/api/me/enterprises"))).EnumerateArray());
        Assert.Equal("pending", (await second.GrantedAsync(granted)).State());
        Assert.Equal(4, (await _factory.CreateClient().SlotAsync(hall, slot)).GetProperty("remaining").GetInt32());
    }

    private static async Task DeleteAsync(TestUser user) => Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/me")).StatusCode);

    private static async Task AddContactAsync(TestUser owner, string name) =>
        await HttpAssert.Ok(await owner.Client.PostAsJsonAsync("/api/me/contacts", new { name, idNumber = TestUsers.NextIdNumber(new DateOnly(1975, 6, 7)) }),
            HttpStatusCode.Created);

    /// <summary>Another account of the same human (as real-naming a second mini program's account makes it), logged in.</summary>
    private async Task<TestUser> SecondAccountAsync(TestUser first)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var account = new Account { Kind = AccountKind.Citizen, PersonId = first.PersonId, CreatedAt = _factory.Clock.GetUtcNow() };
        db.Add(account);
        await db.SaveChangesAsync();
        var session = await scope.ServiceProvider.GetRequiredService<SessionService>().IssueAsync(account.Id, "test", false);
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        return first with { Client = client, AccountId = account.Id, Token = session.Token };
    }
}
