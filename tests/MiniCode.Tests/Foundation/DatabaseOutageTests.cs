using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using Npgsql;

namespace MiniCode.Tests.Foundation;

/// <summary>
/// The database going away answers 503 <c>service.database_unavailable</c> with Retry-After on every endpoint (never a
/// 500), the readiness check reports it, and the host serves again once the database is back, without a restart.
/// PostgreSQL is cut off for this host only, by a proxy in front of the shared server.
/// </summary>
public sealed class DatabaseOutageTests
{
    [PostgresFact]
    public async Task PostgreSQL_unreachable_or_timing_out_answers_503_and_the_host_recovers()
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer);
        using var proxy = new TcpCutProxy(server.Host!, server.Port);
        using var factory = new HealthCodesFactory();
        var viaProxy = new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString)
        {
            Host = "127.0.0.1", Port = proxy.Port, Timeout = 2, CommandTimeout = 3,
        };
        factory.With("ConnectionStrings:MiniCode", viaProxy.ConnectionString);
        var citizen = await factory.CitizenAsync("王断网");
        var anonymous = factory.CreateClient();
        await citizen.DeclareAsync();
        await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/code"));
        await HttpAssert.Ok(await anonymous.GetAsync("/health/ready"));

        proxy.Cut();
        await AssertUnavailableAsync(citizen.Client, anonymous);

        proxy.Stall();
        var watch = Stopwatch.StartNew();
        await AssertUnavailableAsync(citizen.Client, anonymous);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"timeouts are bounded ({watch.Elapsed})");

        proxy.Restore();
        await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/code"));
        await HttpAssert.Ok(await anonymous.GetAsync("/api/faq"));
        var ready = await HttpAssert.Ok(await anonymous.GetAsync("/health/ready"));
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
    }

    private static async Task AssertUnavailableAsync(HttpClient citizen, HttpClient anonymous)
    {
        // Show-code itself may be answered from the hot-path caches (#19) while signals last; reads behind it may not.
        foreach (var response in new[]
        {
            await citizen.GetAsync("/api/me/declaration"),
            await citizen.PostJson("/api/me/declaration", HealthCodeKit.Declaration()),
            await anonymous.GetAsync("/api/faq"),
            await anonymous.PostJson("/api/sms/codes", new { phone = "13800138000", purpose = "login" }),
        })
        {
            await HttpAssert.Problem(response, HttpStatusCode.ServiceUnavailable, "service.database_unavailable");
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is sent");
        }
        var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("Unhealthy", await ready.Content.ReadAsStringAsync());
    }

    [SqliteFact]
    public async Task SQLite_locked_by_another_writer_answers_503_after_a_short_wait()
    {
        using var factory = new HealthCodesFactory();
        factory.With("Database:SqliteBusyTimeoutMilliseconds", "300");
        var citizen = await factory.CitizenAsync("王锁库");

        await using (var writer = new SqliteConnection(factory.Database.ConnectionString + ";Pooling=false"))
        {
            await writer.OpenAsync();
            await using var hold = writer.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();
            var response = await citizen.Client.PostJson("/api/me/declaration", HealthCodeKit.Declaration());
            await HttpAssert.Problem(response, HttpStatusCode.ServiceUnavailable, "service.database_unavailable");
            Assert.NotNull(response.Headers.RetryAfter);
        }
        await HttpAssert.Ok(await citizen.Client.PostJson("/api/me/declaration", HealthCodeKit.Declaration()));
    }
}
