using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Infrastructure.OpenApi;

/// <summary>
/// Makes an operation's error responses exactly its declared error codes (<see cref="ProducesErrorsMetadata"/>): one
/// ProblemDetails response per status, listing its codes in the description and in <c>x-error-codes</c>, plus the 500 and the
/// 503 <c>service.database_unavailable</c> any endpoint can answer.
/// Operations without declarations (test probes) keep the generic responses.
/// </summary>
internal sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<ProducesErrorsMetadata>().Any()) return Task.CompletedTask;
        var declared = new EndpointMetadataCollection(metadata).DeclaredErrors().Concat(CommonErrors.Anywhere)
            .DistinctBy(e => e.Code).GroupBy(e => e.Status).ToList();

        // Success responses as generated, then one error response per declared status, in status order.
        var responses = new OpenApiResponses();
        foreach (var (key, response) in operation.Responses ?? [])
            if (key[0] is not ('4' or '5')) responses[key] = response;
        foreach (var group in declared.OrderBy(g => g.Key))
            responses[group.Key.ToString(CultureInfo.InvariantCulture)] = Response(group.ToList(), context.Document);
        operation.Responses = responses;
        return Task.CompletedTask;
    }

    private static OpenApiResponse Response(IReadOnlyList<ErrorCode> errors, OpenApiDocument? document) => new()
    {
        Description = string.Join("；", errors.Select(e => $"`{e.Code}` {e.Message}")),
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
        Extensions = new Dictionary<string, IOpenApiExtension>
        {
            ["x-error-codes"] = new JsonNodeExtension(new JsonArray(errors.Select(e => (JsonNode)JsonValue.Create(e.Code)).ToArray())),
        },
    };
}
