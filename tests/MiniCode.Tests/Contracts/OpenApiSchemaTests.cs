using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Contracts;

/// <summary>
/// The schemas of the whole document (whatever endpoints the features add) say what the server does: request
/// properties are required exactly when the server refuses to go without them (checked over HTTP), and then not
/// nullable; numbers are plain numbers; enums carry their Chinese meanings; every request and answer has an example.
/// </summary>
public sealed class OpenApiSchemaTests : IClassFixture<OpenApiSchemaTests.Host>
{
    public sealed class Host() : MiniCodeFactory(null);

    private readonly Host _host;
    public OpenApiSchemaTests(Host host) => _host = host;

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await (await _host.CreateClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;

    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonNode doc) =>
        doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Select(m => ($"{m.Key.ToUpperInvariant()} {p.Key}", m.Value!.AsObject())));

    private static JsonObject Resolve(JsonNode doc, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? Resolve(doc, doc["components"]!["schemas"]![reference.Split('/')[^1]]!) : schema.AsObject();

    private static JsonNode? JsonBody(JsonObject operation) => operation["requestBody"]?["content"]?["application/json"]?["schema"];

    private static bool Nullable(JsonNode doc, JsonNode schema) =>
        schema["type"] is JsonArray types ? types.Any(t => t!.GetValue<string>() == "null")
        : schema["oneOf"] is JsonArray oneOf ? oneOf.Any(s => Nullable(doc, s!))
        : schema["type"]?.GetValue<string>() == "null";

    /// <summary>Every schema node below <paramref name="node"/>, following <c>$ref</c>s once each.</summary>
    private static IEnumerable<JsonObject> Reachable(JsonNode doc, JsonNode node, HashSet<string> seen)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array.Where(i => i is not null).SelectMany(i => Reachable(doc, i!, seen))) yield return item;
            yield break;
        }
        if (node is not JsonObject obj) yield break;
        if (obj["$ref"]?.GetValue<string>() is { } reference)
        {
            if (!seen.Add(reference)) yield break;
            foreach (var s in Reachable(doc, Resolve(doc, obj), seen)) yield return s;
            yield break;
        }
        yield return obj;
        foreach (var key in new[] { "items", "additionalProperties", "oneOf", "anyOf", "allOf" })
            if (obj[key] is { } child) foreach (var s in Reachable(doc, child, seen)) yield return s;
        if (obj["properties"] is JsonObject properties)
            foreach (var s in properties.Select(p => p.Value!).SelectMany(p => Reachable(doc, p, seen))) yield return s;
    }

    private static IEnumerable<JsonObject> AllSchemas(JsonNode doc)
    {
        var seen = new HashSet<string>();
        var roots = doc["components"]!["schemas"]!.AsObject().Select(s => s.Value!)
            .Concat(Operations(doc).SelectMany(o => new[] { JsonBody(o.Operation) }
                .Concat(o.Operation["responses"]!.AsObject().Select(r => r.Value?["content"]?["application/json"]?["schema"]))
                .Concat((o.Operation["parameters"] as JsonArray ?? []).Select(p => p?["schema"]))))
            .Where(s => s is not null).Select(s => s!);
        return roots.SelectMany(r => Reachable(doc, r, seen));
    }

    [Fact]
    public async Task No_request_property_is_both_required_and_nullable()
    {
        var doc = await DocumentAsync();
        var bad = new List<string>();
        var checkedRequired = 0;
        foreach (var (name, operation) in Operations(doc))
        {
            if (JsonBody(operation) is not { } body) continue;
            foreach (var schema in Reachable(doc, body, []))
            foreach (var required in schema["required"] as JsonArray ?? [])
            {
                var property = required!.GetValue<string>();
                checkedRequired++;
                if (schema["properties"]?[property] is not { } p || Nullable(doc, p)) bad.Add($"{name}: {property}");
            }
        }
        Assert.True(bad.Count == 0, "Request properties both required and nullable (or required but not declared):\n" + string.Join("\n", bad.Distinct()));
        Assert.True(checkedRequired > 40, $"only {checkedRequired} required request properties: the derivation found nothing?");
    }

    [Fact]
    public async Task Numbers_are_plain_numbers()
    {
        var doc = await DocumentAsync();
        var unions = AllSchemas(doc).Where(s => s["type"] is JsonArray types
                && types.Any(t => t!.GetValue<string>() == "string") && types.Any(t => t!.GetValue<string>() is "integer" or "number"))
            .Select(s => s.ToJsonString()).Distinct().ToList();
        Assert.True(unions.Count == 0, "string-or-number unions:\n" + string.Join("\n", unions));
        Assert.Contains(AllSchemas(doc), s => s["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && s["type"]!.GetValue<string>() == "integer");
    }

    [Fact]
    public async Task Every_enum_gives_each_value_its_chinese_meaning()
    {
        var doc = await DocumentAsync();
        var enums = AllSchemas(doc).Where(s => s["enum"] is JsonArray).ToList();
        Assert.NotEmpty(enums);
        var bad = new List<string>();
        foreach (var schema in enums)
        {
            var values = schema["enum"]!.AsArray();
            var meanings = schema["x-enum-descriptions"] as JsonArray;
            if (meanings is null || meanings.Count != values.Count) { bad.Add(schema.ToJsonString()); continue; }
            foreach (var (value, meaning) in values.Zip(meanings))
                if (value is not null && !meaning!.GetValue<string>().Any(c => c is >= '\u4e00' and <= '\u9fff'))
                    bad.Add($"{value}: \"{meaning}\" (write a Chinese /// <summary> on the enum member)");
        }
        Assert.True(bad.Count == 0, "Enums without a Chinese meaning per value (x-enum-descriptions):\n" + string.Join("\n", bad));
    }

    [Fact]
    public async Task Every_request_and_success_answer_has_an_example()
    {
        var doc = await DocumentAsync();
        var missing = new List<string>();
        var checkedBodies = 0;
        foreach (var (name, operation) in Operations(doc))
        {
            var bodies = new[] { ("request", JsonBody(operation)) }
                .Concat(operation["responses"]!.AsObject().Where(r => r.Key[0] == '2')
                    .Select(r => (r.Key, r.Value?["content"]?["application/json"]?["schema"])));
            foreach (var (what, schema) in bodies)
            {
                if (schema is null) continue;
                checkedBodies++;
                if (Resolve(doc, schema)["examples"] is not JsonArray { Count: > 0 }) missing.Add($"{name}: {what}");
            }
        }
        Assert.True(missing.Count == 0, "Bodies without an example:\n" + string.Join("\n", missing));
        Assert.True(checkedBodies > 100, $"only {checkedBodies} bodies checked");
    }

    /// <summary>
    /// Over HTTP, on every public operation with a JSON body: leaving out a required property is a 400 with a field error the example does not get;
    /// leaving out an optional one adds no field error to what the example itself gets.
    /// </summary>
    [Fact]
    public async Task Leaving_out_a_required_property_is_refused_and_an_optional_one_is_not()
    {
        var doc = await DocumentAsync();
        var client = _host.CreateClient();
        var sampled = 0;
        foreach (var (name, operation) in Operations(doc))
        {
            if (operation["security"] is not null || JsonBody(operation) is not { } body || name.Contains('{')) continue;
            var schema = Resolve(doc, body);
            var example = schema["examples"]![0]!.AsObject();
            var required = (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToHashSet();
            var path = name[(name.IndexOf(' ') + 1)..];
            var method = new HttpMethod(name[..name.IndexOf(' ')]);
            var baseline = await FieldErrorsAsync(client, method, path, example);
            foreach (var property in example.Select(p => p.Key).ToList())
            {
                var without = example.DeepClone().AsObject();
                without.Remove(property);
                var errors = await FieldErrorsAsync(client, method, path, without);
                if (required.Contains(property))
                    Assert.True(errors is not null && errors.Except(baseline ?? []).Any(), $"{name} accepted a request without the required {property}");
                else
                    Assert.True(errors is null || errors.IsSubsetOf(baseline ?? []), $"{name} refused a request without the optional {property}: {string.Join(", ", errors ?? [])}");
            }
            sampled++;
        }
        Assert.True(sampled >= 8, $"only {sampled} public operations with a body sampled");
    }

    /// <summary>The field errors of a 400 <c>request.validation_failed</c>, or null for any other answer.</summary>
    private static async Task<HashSet<string>?> FieldErrorsAsync(HttpClient client, HttpMethod method, string path, JsonObject body)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        if (response.StatusCode != HttpStatusCode.BadRequest) return null;
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return problem["errors"] is JsonObject errors ? errors.Select(e => e.Key).ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
    }
}
