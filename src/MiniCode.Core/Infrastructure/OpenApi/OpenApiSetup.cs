using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Infrastructure.OpenApi;

/// <summary>
/// The mini-program contract: an OpenAPI 3.1 document of the <c>/api</c> endpoints at <c>/openapi/v1.json</c>, with the
/// bearer session scheme on every authorised operation, ProblemDetails error responses, and the whole error-code
/// catalogue (<c>x-error-codes</c>). <c>miniprogram-contracts/openapi.json</c> is this document, checked by a drift test.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "session";

    public static IHostApplicationBuilder AddOpenApiDocument(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info = new OpenApiInfo
                {
                    Title = "MiniCode mini-program API",
                    Version = "v1",
                    Description = "健康码小程序后端接口（BFF）。错误均为 application/problem+json，`code` 为稳定错误码，`title` 为中文提示。",
                };
                doc.Servers = [];
                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                doc.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "登录接口返回的会话令牌：`Authorization: Bearer <token>`。过期或注销时返回 401，客户端应重新登录。",
                };
                doc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                doc.Components.Schemas["ProblemDetails"] = ProblemSchema();
                doc.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                doc.Extensions["x-error-codes"] = new JsonNodeExtension(new JsonArray(ErrorCatalog.All
                    .Select(e => (JsonNode)new JsonObject { ["code"] = e.Code, ["status"] = e.Status, ["message"] = e.Message }).ToArray()));
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((op, ctx, _) =>
            {
                var authorised = ctx.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any();
                op.Responses ??= new OpenApiResponses();
                if (authorised)
                {
                    op.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, ctx.Document)] = [] }];
                    op.Responses.TryAdd("401", Problem("未登录或会话已失效（auth.unauthorized / session.*）", ctx.Document));
                }
                op.Responses.TryAdd("400", Problem("请求参数有误（request.*）", ctx.Document));
                op.Responses.TryAdd("429", Problem("请求过于频繁（common.rate_limited）", ctx.Document));
                op.Responses.TryAdd("500", Problem("系统繁忙（common.internal_error）", ctx.Document));
                return Task.CompletedTask;
            });
            o.AddOperationTransformer<ErrorResponsesTransformer>();
            o.AddSchemaTransformer<ContractSchemaTransformer>();
            o.AddDocumentTransformer(ContractSchemaTransformer.FinishRequests);
            o.CreateSchemaReferenceId = SchemaNames.Of;
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapOpenApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    private static OpenApiResponse Problem(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
    };

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 ProblemDetails；code 为错误码（见 x-error-codes），title 为中文提示。",
        Required = new HashSet<string> { "type", "title", "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "中文提示，可直接展示给用户" },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "稳定的错误码" },
            ["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "字段校验错误（request.validation_failed）",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
