using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Contracts;

/// <summary>
/// How the document describes endpoints, checked on two probe endpoints mapped only in this test host (the real
/// features' endpoints arrive with their branches): bearer security and 401 on authorised operations only,
/// ProblemDetails error responses, request and response schemas.
/// </summary>
public sealed class OpenApiShapeTests
{
    public sealed record ProbeRequest(string Name, int Count);
    public sealed record ProbeResponse(long Id, string Name, DateTimeOffset At);

    private sealed class ProbeEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseEndpoints(e =>
            {
                var group = e.MapGroup("/api/probe").WithTags("Probe").RequireRateLimiting(FoundationSetup.RateLimits.PerClient);
                group.MapPost("/{id:long}", (long id, ProbeRequest body) => TypedResults.Ok(new ProbeResponse(id, body.Name, DateTimeOffset.UnixEpoch)))
                    .RequireAuthorization(SessionsSetup.CitizenPolicy).WithSummary("Probe secured");
                group.MapGet("/public", (string? q) => TypedResults.Ok(new ProbeResponse(0, q ?? "", DateTimeOffset.UnixEpoch)));
            });
        };
    }

    [Fact]
    public async Task Authorised_operations_carry_bearer_security_and_problem_responses()
    {
        using var host = new MiniCodeFactory();
        var client = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, ProbeEndpoints>())).CreateClient();
        var doc = JsonNode.Parse(await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        await CheckFixtureAsync(doc);

        var secured = doc["paths"]!["/api/probe/{id}"]!["post"]!;
        Assert.Equal("Probe secured", secured["summary"]!.GetValue<string>());
        Assert.NotNull(secured["security"]![0]!["session"]);
        Assert.Equal("#/components/schemas/ProblemDetails",
            secured["responses"]!["401"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(secured["responses"]!["400"]);
        Assert.NotNull(secured["requestBody"]!["content"]!["application/json"]);
        Assert.NotNull(doc["components"]!["schemas"]!["ProbeResponse"]);

        var open = doc["paths"]!["/api/probe/public"]!["get"]!;
        Assert.Null(open["security"]);
        Assert.Null(open["responses"]!["401"]);
        Assert.NotNull(open["responses"]!["429"]);
        Assert.Null(doc["paths"]!["/health/live"]); // only the mini-program API is in the contract
    }

    /// <summary>
    /// The probe document is also the fixture <c>scripts/contracts-check.sh</c> runs the TypeScript generator on (<c>miniprogram-contracts/fixture/</c>: paths,
    /// parameters, bodies, security), so it is kept in step like openapi.json.
    /// </summary>
    private static async Task CheckFixtureAsync(JsonNode doc)
    {
        var text = doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var path = Path.Combine(OpenApiContractTests.ContractsDir, "fixture", "openapi.json");
        if (Environment.GetEnvironmentVariable("MINICODE_UPDATE_CONTRACTS") == "1") await File.WriteAllTextAsync(path, text);
        Assert.True(File.Exists(path) && (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") == text,
            "miniprogram-contracts/fixture/openapi.json is stale: run scripts/update-contracts.sh");
    }
}
