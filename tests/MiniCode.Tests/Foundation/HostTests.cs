using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiniCode.Infrastructure.DataProtection;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Foundation;

public sealed class HostTests
{
    [Fact]
    public async Task Ready_reports_database_and_migrations()
    {
        using var host = new MiniCodeFactory();
        var client = host.CreateClient();
        var live = await HttpAssert.Ok(await client.GetAsync("/health/live"));
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        var ready = await HttpAssert.Ok(await client.GetAsync("/health/ready"));
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var db = ready.GetProperty("checks").GetProperty("database");
        Assert.Equal(host.Database.Provider.ToString(), db.GetProperty("data").GetProperty("provider").GetString());
        Assert.Equal(0, db.GetProperty("data").GetProperty("pendingMigrations").GetInt32());
    }

    [Fact]
    public async Task Start_up_migrates_an_empty_database()
    {
        using var host = MiniCodeFactory.OnEmptyDatabase();
        var ready = await HttpAssert.Ok(await host.CreateClient().GetAsync("/health/ready"));
        Assert.Equal(0, ready.GetProperty("checks").GetProperty("database").GetProperty("data").GetProperty("pendingMigrations").GetInt32());
    }

    [Fact]
    public async Task Ready_is_unhealthy_when_migrations_were_not_applied()
    {
        using var host = MiniCodeFactory.OnEmptyDatabase().With("Database:MigrateOnStartup", "false");
        var response = await host.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Request_id_is_accepted_returned_and_logged_and_secrets_are_not()
    {
        string logs;
        using (var host = new MiniCodeFactory())
        {
            var client = host.CreateClient();
            var request = new HttpRequestMessage(HttpMethod.Get, "/health/live?phone=13912345678");
            request.Headers.Add("X-Request-Id", "req-abc-123");
            var response = await client.SendAsync(request);
            Assert.Equal("req-abc-123", response.Headers.GetValues("X-Request-Id").Single());

            var generated = await client.GetAsync("/health/live");
            Assert.Matches("^[0-9a-f]{32}$", generated.Headers.GetValues("X-Request-Id").Single());

            var bad = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            bad.Headers.Add("X-Request-Id", "bad id with spaces");
            Assert.NotEqual("bad id with spaces", (await client.SendAsync(bad)).Headers.GetValues("X-Request-Id").Single());

            var logger = host.Services.GetRequiredService<ILogger<HostTests>>();
            logger.LogInformation("Citizen {Name} phone {Contact} id {Document} token {SessionToken} note {Note}",
                "张三", "13812345678", "11010519491231002X", "tok_SECRETSECRET", "call 13700001111 or 440524188001010014");
            var missing = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
            missing.Headers.Add("X-Request-Id", "req-404-xyz");
            var problem = await HttpAssert.Problem(await client.SendAsync(missing), HttpStatusCode.NotFound, "common.not_found");
            Assert.Equal("req-404-xyz", problem.GetProperty("requestId").GetString());
            logs = host.ReadLogs();
            host.Dispose();
            logs = host.ReadLogs();
        }
        Assert.Contains("HTTP GET /health/live responded 200", logs);
        Assert.Contains("req-abc-123", logs);
        Assert.Matches(@"HTTP GET /no-such-page responded 404 in \d+\.\d ms .*""RequestId"": ?""req-404-xyz""", logs);
        foreach (var secret in new[] { "13912345678", "13812345678", "11010519491231002X", "tok_SECRETSECRET", "13700001111", "440524188001010014" })
            Assert.DoesNotContain(secret, logs);
        Assert.Contains("138****5678", logs);
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_database()
    {
        using var host = new MiniCodeFactory();
        await host.CreateClient().GetAsync("/health/live");
        var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var secret = protector.Protect("hello");
        await using var db = host.Database.CreateContext();
        Assert.NotEmpty(db.Set<DataProtectionKeyRecord>().ToList());
        Assert.Equal("hello", protector.Unprotect(secret));
    }

    [Fact]
    public async Task Bff_can_be_switched_off()
    {
        using var host = new MiniCodeFactory().With("MiniCode:Parts:Bff", "false");
        var client = host.CreateClient();
        await HttpAssert.Problem(await client.GetAsync("/api"), HttpStatusCode.NotFound, "common.not_found");
        await HttpAssert.Ok(await client.GetAsync("/health/live"));
    }

    [Fact]
    public void Production_start_without_connection_string_fails_naming_the_setting()
    {
        using var host = new MiniCodeFactory().With("Environment", "Production").With("ConnectionStrings:MiniCode", "");
        var ex = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("ConnectionStrings:MiniCode", ex.ToString());
    }
}
