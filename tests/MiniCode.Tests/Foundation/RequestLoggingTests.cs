using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Tests.Foundation;

/// <summary>
/// The logging pipeline on its own (no database): Serilog's request line and the request id, through
/// <see cref="LoggingSetup.AddMiniCodeLogging"/> and <see cref="LoggingSetup.UseMiniCodeRequestLogging"/>.
/// </summary>
public sealed class RequestLoggingTests
{
    [Fact]
    public async Task One_line_per_request_with_status_and_elapsed_carrying_the_request_id_and_never_the_query_string()
    {
        var dir = NewLogFolder();
        string brokenId;
        await using (var app = LoggingApp(dir))
        {
            app.MapGet("/work", (ILogger<RequestLoggingTests> log) =>
            {
                log.LogInformation("Working on the request");
                return "ok";
            });
            app.MapGet("/broken", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
            await app.StartAsync();
            var client = app.GetTestClient();

            var work = new HttpRequestMessage(HttpMethod.Get, "/work?q=query-marker&page=2");
            work.Headers.Add("X-Request-Id", "req-log-42");
            var response = await client.SendAsync(work);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("req-log-42", response.Headers.GetValues("X-Request-Id").Single());

            var broken = await client.GetAsync("/broken");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
            brokenId = broken.Headers.GetValues("X-Request-Id").Single();
            Assert.Matches("^[0-9a-f]{32}$", brokenId);
            await app.StopAsync();
        } // disposing the host flushes the file sink

        var lines = Directory.GetFiles(dir).SelectMany(File.ReadAllLines).ToList();
        var all = string.Join("\n", lines);
        Assert.DoesNotContain("query-marker", all);
        Assert.DoesNotContain("page=2", all);

        var workLine = Assert.Single(lines, l => l.Contains("HTTP GET /work"));
        Assert.Matches(@"\[INF\] .* HTTP GET /work responded 200 in \d+\.\d ms ", workLine);
        Assert.Matches("\"RequestId\": ?\"req-log-42\"", workLine);

        // An ILogger<T> event inside the request carries the same id (not ASP.NET Core's own connection-based one).
        var appLine = Assert.Single(lines, l => l.Contains("Working on the request"));
        Assert.Matches("\"RequestId\": ?\"req-log-42\"", appLine);

        // A server error is logged at error level, under the id the host made up and returned.
        var brokenLine = Assert.Single(lines, l => l.Contains("HTTP GET /broken"));
        Assert.Matches(@"\[ERR\] .* HTTP GET /broken responded 503 in \d+\.\d ms ", brokenLine);
        Assert.Contains(brokenId, brokenLine);
    }

    [Theory]
    [InlineData(null, false)]                 // the default: "Microsoft" at Warning
    [InlineData("Information", true)]         // someone asks for the hosting's own request lines
    public async Task The_hosting_starts_a_request_activity_only_when_its_own_request_lines_are_logged(string? hostingLevel, bool expected)
    {
        var dir = NewLogFolder();
        await using (var app = LoggingApp(dir, ("Serilog:MinimumLevel:Override:" + CachingLoggerFactory.HostingDiagnostics, hostingLevel)))
        {
            app.MapGet("/activity", (HttpContext http) => http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpActivityFeature>() is not null
                && System.Diagnostics.Activity.Current is not null ? "yes" : "no");
            await app.StartAsync();
            Assert.Equal(expected ? "yes" : "no", await app.GetTestClient().GetStringAsync("/activity"));
            await app.StopAsync();
        }
        var lines = Directory.GetFiles(dir).SelectMany(File.ReadAllLines).ToList();
        // Serilog's request line either way; the hosting's "Request starting" line only when asked for.
        Assert.Single(lines, l => l.Contains("HTTP GET /activity responded 200"));
        Assert.Equal(expected, lines.Any(l => l.Contains("Request starting")));
    }

    private static string NewLogFolder() => Path.Combine(Path.GetTempPath(), "minicode-tests", "log-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A test-server app with MiniCode's logging writing into <paramref name="dir"/>, request logging in place.</summary>
    private static WebApplication LoggingApp(string dir, params (string Key, string? Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(
            settings.Select(s => KeyValuePair.Create(s.Key, s.Value)).Append(KeyValuePair.Create("Logging:File:Path", (string?)Path.Combine(dir, "test-.log"))));
        LoggingSetup.AddLogging(builder);
        var app = builder.Build();
        app.UseMiniCodeRequestLogging();
        return app;
    }
}
