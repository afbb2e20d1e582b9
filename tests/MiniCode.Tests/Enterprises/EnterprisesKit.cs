using System.Net;
using MiniCode.Features.Enterprises;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Enterprises;

public static class EnterprisesKit
{
    /// <summary>A valid 统一社会信用代码 registered in <paramref name="region"/>: a unique organisation part, the GB 32100 check character.</summary>
    public static string NewCreditCode(string region = "220102")
    {
        var body = "91" + region + string.Concat(Guid.NewGuid().ToString("N").ToUpperInvariant().Where(c => CreditCode.Alphabet.Contains(c)).Take(9));
        return body + CreditCode.CheckCharacter(body);
    }

    /// <summary>Registers an enterprise in the simulated registry: its legal representative and insured staff.</summary>
    public static async Task RegisterAsync(this MiniCodeFactory host, string creditCode, string name, string region, TestUser legal, params TestUser[] staff)
    {
        var response = await host.CreateClient().PostJson("/simulator/enterprise/simulator/enterprises", new
        {
            creditCode, name, regionCode = region,
            legalRepresentative = new { name = await NameOf(host, legal), idNumber = legal.IdNumber },
            staff = await Task.WhenAll(staff.Select(async s => new { name = await NameOf(host, s), idNumber = s.IdNumber })),
        });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static Task<HttpResponseMessage> BindAsync(this TestUser user, string name, string creditCode, string role = "staff") =>
        user.Client.PostJson("/api/me/enterprises", new { name, creditCode, role });

    public static async Task<long> BoundAsync(this TestUser user, string name, string creditCode, string role = "staff") =>
        (await HttpAssert.Ok(await user.BindAsync(name, creditCode, role), HttpStatusCode.Created)).GetProperty("id").GetInt64();

    public static async Task<string> EnterpriseCodeAsync(this TestUser user, long bindingId) =>
        (await HttpAssert.Ok(await user.Client.GetAsync($"/api/me/enterprises/{bindingId}/code"))).GetProperty("payload").GetString()!;

    private static Task<string> NameOf(MiniCodeFactory host, TestUser user) =>
        HealthCodes.HealthCodeKit.QueryAsync(host, db => db.Set<Features.People.Person>().Where(p => p.Id == user.PersonId).Select(p => p.Name).SingleAsync());
}
