using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MiniCode.Admin.Security;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.OpenApi;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeEngine;

/// <summary>接口管理: the open interfaces from the OpenAPI document this host generates (never a hand-kept copy),
/// searchable, and one operation's request and response schemas.</summary>
[RequirePermission(Permissions.CodeEngine)]
public sealed class InterfacesModel([FromKeyedServices(OpenApiSetup.DocumentName)] IOpenApiDocumentProvider documents) : AdminPageModel
{
    public sealed record Operation(string Path, string Method, string? Summary, string Auth, string Tags);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Path { get; set; }
    [BindProperty(SupportsGet = true)] public string? Method { get; set; }
    public IReadOnlyList<Operation> Operations { get; private set; } = [];
    /// <summary>The chosen operation as the document describes it (JSON), with schema references resolved by the reader.</summary>
    public string? Detail { get; private set; }
    public string? Schemas { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var document = await documents.GetOpenApiDocumentAsync(ct);
        var all = (document.Paths ?? new OpenApiPaths()).SelectMany(p => (p.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            .Select(o => new Operation(p.Key, o.Key.Method.ToUpperInvariant(), o.Value.Summary ?? o.Value.Description,
                o.Value.Security is { Count: > 0 } s ? string.Join("、", s.SelectMany(r => r.Keys).Select(k => k.Reference?.Id ?? k.Name ?? "?").Distinct()) : "无需登录",
                string.Join(",", o.Value.Tags?.Select(t => t.Name) ?? [])))).ToList();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            all = all.Where(o => o.Path.Contains(q, StringComparison.OrdinalIgnoreCase) || (o.Summary?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false)
                || o.Tags.Contains(q, StringComparison.OrdinalIgnoreCase) || o.Method.Equals(q, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        Operations = all.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
        if (Path is null || Method is null) return Page();
        if (document.Paths?.GetValueOrDefault(Path)?.Operations?.FirstOrDefault(o => o.Key.Method.Equals(Method, StringComparison.OrdinalIgnoreCase)) is not { Value: { } op })
            return NotFound();
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct);
        var root = JsonNode.Parse(json)!;
        var operation = root["paths"]![Path]![Method.ToLowerInvariant()]!;
        Detail = operation.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        // The component schemas the operation refers to, one level deep, so the page shows the fields.
        var names = System.Text.RegularExpressions.Regex.Matches(Detail, "#/components/schemas/([A-Za-z0-9_.-]+)").Select(m => m.Groups[1].Value).Distinct().ToList();
        var schemas = new JsonObject();
        foreach (var name in names)
            if (root["components"]?["schemas"]?[name] is { } schema) schemas[name] = schema.DeepClone();
        Schemas = schemas.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _ = op;
        return Page();
    }
}
