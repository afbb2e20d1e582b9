using System.Net.Http.Json;
using System.Text.Json;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Licences;

public static class LicenceKit
{
    public const string IdCredential = "resident_id_credential";
    public const string SocialSecurity = "social_security_card";

    public static Task<HttpResponseMessage> BindAsync(this TestUser user, string type, bool consent = true) =>
        user.Client.PostAsJsonAsync("/api/me/licences", new { type, consent });

    /// <summary>Binds and returns the bound licence.</summary>
    public static async Task<JsonElement> BoundAsync(this TestUser user, string type)
    {
        var r = await HttpAssert.Ok(await user.BindAsync(type));
        Assert.True(r.GetProperty("bound").GetBoolean());
        return r.GetProperty("licence");
    }

    public static async Task<string> LicenceCodeAsync(this TestUser user, long id) =>
        (await HttpAssert.Ok(await user.Client.GetAsync($"/api/me/licences/{id}/code"))).GetProperty("payload").GetString()!;

    /// <summary>What the simulated gateway holds for this ID number (another name, none, own number or validity).</summary>
    public static async Task IssuerRecordAsync(this MiniCodeFactory factory, string type, string idNumber, string? holderName = null, bool absent = false,
        string? licenceNumber = null, DateOnly? validFrom = null, DateOnly? validTo = null) =>
        await HttpAssert.Ok(await factory.CreateClient().PostAsJsonAsync("/simulator/licences/simulator/records",
            new { catalogueCode = type, idNumber, holderName, absent, licenceNumber, validFrom, validTo }), System.Net.HttpStatusCode.NoContent);

    public static async Task IssuerOutageAsync(this MiniCodeFactory factory, int calls) =>
        await HttpAssert.Ok(await factory.CreateClient().PostAsync($"/simulator/licences/outage?calls={calls}", null), System.Net.HttpStatusCode.NoContent);
}
