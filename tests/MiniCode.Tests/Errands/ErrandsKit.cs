using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Errands;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Errands;

/// <summary>A host with the verifier keys and a small open-authorisation limit (3), so the limit is quick to reach.</summary>
public sealed class ErrandsFactory : HealthCodesFactory
{
    public ErrandsFactory() => With("MiniCode:Errands:MaxOpenPerGrantor", "3");
}

public static class ErrandsKit
{
    /// <summary>The test clock starts on 2026-11-21 (10:00 in Shanghai).</summary>
    public static readonly DateOnly Today = new(2026, 11, 21);

    /// <summary>A matter as staff would set it up (the admin pages have their own tests).</summary>
    public static async Task<long> MatterAsync(this MiniCodeFactory factory, string name = "社保业务办理", string region = "110000", bool enabled = true)
    {
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var matter = new ErrandMatter { Name = name, RegionCode = region, Enabled = enabled, CreatedAt = factory.Clock.GetUtcNow() };
        db.Add(matter);
        await db.SaveChangesAsync();
        return matter.Id;
    }

    public static Task<HttpResponseMessage> GrantAsync(this TestUser grantor, long matterId, string name, string? idNumber, DateOnly from, DateOnly? to = null,
        string? phone = null, long[]? licenceIds = null) =>
        grantor.Client.PostAsJsonAsync("/api/me/errands", new { matterId, name, idNumber, phone, validFrom = from, validTo = to, licenceIds });

    /// <summary>Grants to <paramref name="grantee"/> (by their real name and ID number) and returns the new record.</summary>
    public static async Task<JsonElement> GrantToAsync(this TestUser grantor, long matterId, TestUser grantee, string granteeName, DateOnly from, DateOnly? to = null) =>
        await HttpAssert.Ok(await grantor.GrantAsync(matterId, granteeName, grantee.IdNumber, from, to), System.Net.HttpStatusCode.Created);

    public static long Id(this JsonElement e) => e.GetProperty("id").GetInt64();

    public static string State(this JsonElement e) => e.GetProperty("state").GetString()!;

    public static async Task<JsonElement> ReceivedAsync(this TestUser grantee, long id) =>
        await HttpAssert.Ok(await grantee.Client.GetAsync($"/api/me/errands/received/{id}"));

    public static async Task<JsonElement> GrantedAsync(this TestUser grantor, long id) =>
        await HttpAssert.Ok(await grantor.Client.GetAsync($"/api/me/errands/granted/{id}"));

    public static Task<HttpResponseMessage> AnswerAsync(this TestUser grantee, long id, bool accept) =>
        grantee.Client.PostAsync($"/api/me/errands/received/{id}/{(accept ? "accept" : "decline")}", null);

    public static Task<HttpResponseMessage> RevokeAsync(this TestUser grantor, long id) =>
        grantor.Client.PostAsync($"/api/me/errands/granted/{id}/revoke", null);

    public static Task<HttpResponseMessage> ShowCodeAsync(this TestUser grantee, long id, string file = "code") =>
        grantee.Client.GetAsync($"/api/me/errands/received/{id}/{file}");
}
