using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Organisations;
using MiniCode.Features.Sessions;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Checkpoints;

/// <summary>A host with the health-authority key (risk-region imports) and an SMS budget for many tests sharing one address.</summary>
public class CheckpointsFactory : HealthCodesFactory
{
    public CheckpointsFactory() => With("Identity:Sms:PerIpLimit", "100000");
}

public sealed record TestScanner(long AccountId, string Phone, string Password, HttpClient Client, long SiteId);

public static class CheckpointKit
{
    public const string Password = "scan1234pass";
    private static int _sequence = Random.Shared.Next(0, 500);

    /// <summary>An organisation (as the admin creates it) with one active site, by default in Changchun 南关区; returns the site id.</summary>
    public static async Task<(long OrganisationId, long SiteId)> SiteAsync(this MiniCodeFactory factory, string name = "南关区卡口", string region = "220102")
    {
        _ = factory.Services; // starts the host (TestServer or Kestrel) and its migrations
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var org = new Organisation { Name = "长春市南关区防控指挥部" + Next(), RegionCode = region, CreatedAt = factory.Clock.GetUtcNow() };
        var site = new Site { Organisation = org, Name = name, RegionCode = region, Status = SiteStatus.Active, CreatedAt = factory.Clock.GetUtcNow() };
        db.AddRange(org, site);
        await db.SaveChangesAsync();
        return (org.Id, site.Id);
    }

    /// <summary>One more active site of an existing organisation; returns its id.</summary>
    public static async Task<long> SiteOfAsync(this MiniCodeFactory factory, long organisationId, string name, string region = "220102")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var site = new Site { OrganisationId = organisationId, Name = name, RegionCode = region, Status = SiteStatus.Active, CreatedAt = factory.Clock.GetUtcNow() };
        db.Add(site);
        await db.SaveChangesAsync();
        return site.Id;
    }

    /// <summary>A senior scanner as staff create it (top of a line), logged in through the checkpoint login.</summary>
    public static async Task<TestScanner> SeniorAsync(this MiniCodeFactory factory, long siteId, string name = "高级员")
    {
        var phone = IdentityTestKit.NextPhone();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var view = await scope.ServiceProvider.GetRequiredService<ScannerDirectory>().CreateSeniorAsync(
                new NewScannerRequest(siteId, NextId(), name, phone, Password, null, "由管理员创建"), "staff:1", CancellationToken.None);
            return new TestScanner(view.AccountId, phone, Password, await factory.ScannerLoginAsync(phone, Password), siteId);
        }
    }

    /// <summary>Adds a scanner below <paramref name="creator"/> through the API and logs it in.</summary>
    public static async Task<TestScanner> AddScannerAsync(this MiniCodeFactory factory, TestScanner creator, string role, long? siteId = null, string name = "扫码员")
    {
        var phone = IdentityTestKit.NextPhone();
        var site = siteId ?? creator.SiteId;
        var added = await HttpAssert.Ok(await creator.Client.PostJson("/api/checkpoint/scanners",
            new { siteId = site, idNumber = NextId(), name, phone, password = Password, role, remarks = "测试" }));
        return new TestScanner(added.GetProperty("accountId").GetInt64(), phone, Password, await factory.ScannerLoginAsync(phone, Password), site);
    }

    public static Task<HttpResponseMessage> LoginResponseAsync(this MiniCodeFactory factory, string phone, string password) =>
        factory.CreateClient().PostJson("/api/checkpoint/login", new { phone, password });

    public static async Task<HttpClient> ScannerLoginAsync(this MiniCodeFactory factory, string phone, string password)
    {
        var login = await HttpAssert.Ok(await factory.LoginResponseAsync(phone, password));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("token").GetString());
        return client;
    }

    /// <summary>A declared citizen's current code payload.</summary>
    public static async Task<string> PayloadAsync(this TestUser citizen) => (await citizen.CodeAsync()).GetProperty("payload").GetString()!;

    public static Task<HttpResponseMessage> ScanAsync(this TestScanner scanner, string payload, decimal? temperature, string? key = null, string? remarks = null) =>
        scanner.Client.PostJson("/api/checkpoint/scans", new { payload, temperature, remarks, idempotencyKey = key ?? NewKey() });

    public static async Task<JsonElement> ScanOkAsync(this TestScanner scanner, TestUser citizen, decimal temperature = 36.5m) =>
        await HttpAssert.Ok(await scanner.ScanAsync(await citizen.PayloadAsync(), temperature));

    public static async Task<List<long>> RecordIdsAsync(this TestScanner scanner, string query = "")
    {
        var page = await HttpAssert.Ok(await scanner.Client.GetAsync("/api/checkpoint/records" + query));
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
    }

    /// <summary>A fresh session for a test user whose session went idle while the clock moved.</summary>
    public static async Task<TestUser> ReloginAsync(this MiniCodeFactory factory, TestUser user)
    {
        var session = await factory.WithServiceAsync<SessionService, IssuedSession>(s => s.IssueAsync(user.AccountId, "test", false));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        return user with { Client = client, Token = session.Token };
    }

    public static string NewKey() => Guid.NewGuid().ToString("N");

    public static string NextId() => TestUsers.NextIdNumber(new DateOnly(1980, 1, 1).AddDays(Next()), "220102");

    private static int Next() => Interlocked.Increment(ref _sequence);
}
