using System.Text.Json;
using System.Text.Json.Nodes;
using MiniCode.Infrastructure.Errors;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Contracts;

/// <summary>
/// <c>miniprogram-contracts/openapi.json</c> must be exactly what the app serves at <c>/openapi/v1.json</c>.
/// Regenerate with <c>scripts/update-contracts.sh</c> (runs this test with <c>MINICODE_UPDATE_CONTRACTS=1</c>).
/// </summary>
public sealed class OpenApiContractTests : IClassFixture<OpenApiContractTests.Host>
{
    public sealed class Host() : MiniCodeFactory(null);

    private readonly Host _factory;
    public OpenApiContractTests(Host factory) => _factory = factory;

    public static string ContractsDir
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MiniCode.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("MiniCode.sln not found above the test output"), "miniprogram-contracts");
        }
    }

    private async Task<string> GeneratedAsync()
    {
        var response = await _factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    [Fact]
    public async Task Committed_openapi_json_matches_the_app()
    {
        var generated = await GeneratedAsync();
        var path = Path.Combine(ContractsDir, "openapi.json");
        if (Environment.GetEnvironmentVariable("MINICODE_UPDATE_CONTRACTS") == "1") await File.WriteAllTextAsync(path, generated);
        Assert.True(File.Exists(path), $"{path} is missing: run scripts/update-contracts.sh");
        var committed = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        Assert.True(committed == generated, "miniprogram-contracts/openapi.json differs from what the app generates: run scripts/update-contracts.sh and commit the result.");
    }

    [Fact]
    public async Task Document_is_OpenAPI_3_1_with_bearer_scheme_problem_details_and_every_error_code()
    {
        var doc = JsonNode.Parse(await GeneratedAsync())!;
        Assert.StartsWith("3.1", doc["openapi"]!.GetValue<string>());
        Assert.Equal("bearer", doc["components"]!["securitySchemes"]!["session"]!["scheme"]!.GetValue<string>());
        Assert.NotNull(doc["components"]!["schemas"]!["ProblemDetails"]);
        var codes = doc["x-error-codes"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(ErrorCatalog.All.Select(e => e.Code), codes);
        var unauthorized = doc["x-error-codes"]!.AsArray().Single(e => e!["code"]!.GetValue<string>() == CommonErrors.Unauthorized.Code)!;
        Assert.Equal((401, "请先登录"), (unauthorized["status"]!.GetValue<int>(), unauthorized["message"]!.GetValue<string>()));
    }

    /// <summary>
    /// A mini-program developer codes against the document alone: every operation says in Chinese what it does
    /// (<c>summary</c>, from the handler's XML <c>&lt;summary&gt;</c>) and the rules and limits that apply
    /// (<c>description</c>, from its <c>&lt;remarks&gt;</c>). Handlers must not be private, or the generator cannot see them.
    /// </summary>
    [Fact]
    public async Task Every_operation_has_a_chinese_summary_and_a_description()
    {
        var doc = JsonNode.Parse(await GeneratedAsync())!;
        var missing = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                var summary = operation!["summary"]?.GetValue<string>();
                if (summary is null || !summary.Any(c => c is >= '\u4e00' and <= '\u9fff')) missing.Add($"{method.ToUpperInvariant()} {path}: summary");
                if (string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>())) missing.Add($"{method.ToUpperInvariant()} {path}: description");
            }
        Assert.True(missing.Count == 0, "Operations without a Chinese summary or a description (write /// <summary> and <remarks> on the handler, not private):\n" + string.Join("\n", missing));
    }
}
