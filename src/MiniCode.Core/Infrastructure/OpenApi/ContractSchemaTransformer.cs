using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Infrastructure.OpenApi;

/// <summary>
/// What a mini-program developer needs from each schema, derived from the C# types for DTOs of any feature:
/// <list type="bullet">
/// <item>request DTOs (<see cref="IValidatable"/>) list as <c>required</c> exactly what their rules refuse to go without
/// (<see cref="RequestRequirements"/>), and those are not nullable; other request DTOs (<c>…Request</c> parts of one)
/// require nothing, since leaving a property out is never refused by deserialisation;</item>
/// <item>enums give each value's Chinese meaning (the members' XML <c>&lt;summary&gt;</c>) in <c>x-enum-descriptions</c>
/// (parallel to <c>enum</c>) and in the description;</item>
/// <item>every object, array and enum schema has an example (JSON Schema <c>examples</c>, <see cref="ExampleValues"/>).</item>
/// </list>
/// </summary>
internal sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var info = context.JsonTypeInfo;
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type.IsEnum) DescribeEnum(schema, type);
        else if (info.Kind == JsonTypeInfoKind.Object && ExampleValues.IsRequestType(type))
            Require(schema, typeof(IValidatable).IsAssignableFrom(type)
                ? RequestRequirements.Of(type, info.Options, context.ApplicationServices)
                : new HashSet<string>());
        // Objects and enums (which become components) and top-level arrays; not each array property again.
        if (type.IsEnum || info.Kind == JsonTypeInfoKind.Object
            || (context.JsonPropertyInfo is null && info.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary))
            if (schema.Examples is not { Count: > 0 } && ExampleValues.Json(info.Type, info.Options) is { } example) schema.Examples = [example];
        return Task.CompletedTask;
    }

    private static void Require(OpenApiSchema schema, IReadOnlySet<string>? required)
    {
        if (required is null || schema.Properties is null) return; // rules that could not be probed: the shape as generated
        schema.Required = new HashSet<string>(schema.Properties.Keys.Where(required.Contains), StringComparer.Ordinal);
        foreach (var name in schema.Required) schema.Properties[name] = NonNullable(schema.Properties[name]);
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions[RequiredNotNull] = new JsonNodeExtension(true);
    }

    /// <summary>
    /// Marks a request schema whose <c>required</c> is derived (and refuses null): a nullable reference property becomes
    /// <c>oneOf: [null, $ref]</c> only when the document is assembled, so <see cref="FinishRequests"/> completes it.
    /// </summary>
    private const string RequiredNotNull = "x-minicode-required-not-null";

    /// <summary>
    /// Document transformer, once every schema is a component: on marked schemas a required property's
    /// <c>oneOf: [null, $ref]</c> becomes the <c>$ref</c>; any other schema a request body reaches (a part of a request
    /// not named <c>…Request</c>) requires none of its nullable properties, which the server takes as absent anyway.
    /// </summary>
    public static Task FinishRequests(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var bodies = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .Select(o => o.RequestBody?.Content?.TryGetValue("application/json", out var json) == true ? json.Schema : null);
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<IOpenApiSchema>(bodies.OfType<IOpenApiSchema>());
        while (pending.TryPop(out var next))
        {
            var target = next is OpenApiSchemaReference { Reference.Id: { } id } && schemas.TryGetValue(id, out var component) ? component : next;
            if (target is not OpenApiSchema schema || !seen.Add(schema)) continue;
            if (schema.Properties is not null)
            {
                var derived = schema.Extensions?.ContainsKey(RequiredNotNull) == true;
                foreach (var name in (schema.Required ?? new HashSet<string>()).ToList())
                {
                    if (!schema.Properties.TryGetValue(name, out var property)) continue;
                    if (derived) schema.Properties[name] = NonNullable(property);
                    else if (IsNullable(property)) schema.Required!.Remove(name);
                }
                foreach (var property in schema.Properties.Values) pending.Push(property);
            }
            foreach (var child in new[] { schema.Items, schema.AdditionalProperties }.Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []))
                if (child is not null) pending.Push(child);
        }
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>()) schema.Extensions?.Remove(RequiredNotNull);
        return Task.CompletedTask;
    }

    private static bool IsNullable(IOpenApiSchema property) =>
        property.Type is { } t ? t.HasFlag(JsonSchemaType.Null) : property.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true;

    /// <summary><c>["null", "string"]</c> → <c>"string"</c>; <c>oneOf: [null, $ref]</c> → the <c>$ref</c>.</summary>
    private static IOpenApiSchema NonNullable(IOpenApiSchema property)
    {
        if (property is not OpenApiSchema schema) return property;
        if (schema.OneOf is { Count: 2 } oneOf && oneOf.Count(s => s.Type == JsonSchemaType.Null) == 1)
            return oneOf.Single(s => s.Type != JsonSchemaType.Null);
        if (schema.Type is { } t && t.HasFlag(JsonSchemaType.Null)) schema.Type = t & ~JsonSchemaType.Null;
        return schema;
    }

    private static void DescribeEnum(OpenApiSchema schema, Type enumType)
    {
        if (schema.Enum is not { Count: > 0 } values) return;
        var byJsonName = Enum.GetNames(enumType).ToDictionary(n => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(n), n => n, StringComparer.Ordinal);
        var meanings = values.Select(v => v?.GetValueKind() == System.Text.Json.JsonValueKind.String && byJsonName.TryGetValue(v.GetValue<string>(), out var member)
            ? XmlDocs.EnumMember(enumType, member) ?? "" : v is null ? "未填写" : "").ToList();
        schema.Type ??= values.Any(v => v is null) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions["x-enum-descriptions"] = new JsonNodeExtension(new JsonArray(meanings.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()));
        var lines = values.Zip(meanings).Where(x => x.First is not null).Select(x => $"- `{x.First!.GetValue<string>()}`：{x.Second}");
        schema.Description = string.Join("\n", new[] { schema.Description }.Where(d => !string.IsNullOrWhiteSpace(d)).Concat(lines));
    }
}

/// <summary>
/// Schema names are the type names, except a nested type whose name another type shares: then its declaring type's
/// name comes first (two <c>ScanRequest</c>s would otherwise share one schema and one of them be described wrongly).
/// </summary>
internal static class SchemaNames
{
    private static readonly ConcurrentDictionary<Assembly, ILookup<string, Type>> Names = new();

    public static string? Of(JsonTypeInfo info)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        var type = info.Type;
        if (id is null || !type.IsNested || type.DeclaringType is null) return id;
        var shared = Names.GetOrAdd(type.Assembly, a => a.GetExportedTypes().ToLookup(t => t.Name, StringComparer.Ordinal))[type.Name].Skip(1).Any();
        return shared ? type.DeclaringType.Name + id : id;
    }
}
