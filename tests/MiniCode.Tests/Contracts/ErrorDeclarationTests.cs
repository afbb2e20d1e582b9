using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Contracts;

/// <summary>
/// Every mini-program endpoint declares the error codes it can answer, and the OpenAPI document lists exactly those per
/// operation. (That each code a test meets is declared is checked on every test host: <see cref="UndeclaredErrors"/>.)
/// </summary>
public sealed class ErrorDeclarationTests : IClassFixture<ErrorDeclarationTests.Host>
{
    public sealed class Host() : MiniCodeFactory(null);

    private readonly Host _host;
    public ErrorDeclarationTests(Host host) => _host = host;

    private IReadOnlyList<RouteEndpoint> ApiEndpoints()
    {
        _ = _host.Server; // builds the host
        return _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true).ToList();
    }

    [Fact]
    public void Every_api_endpoint_is_in_an_api_group_and_declares_its_errors()
    {
        var endpoints = ApiEndpoints();
        Assert.True(endpoints.Count > 50, $"only {endpoints.Count} /api endpoints found");
        Assert.All(endpoints, e =>
        {
            Assert.True(e.Metadata.GetMetadata<ApiEndpointMetadata>() is not null, $"{e.DisplayName} is not mapped through MapApiGroup");
            Assert.NotNull(e.Metadata.GetMetadata<ProducesErrorsMetadata>());
        });
    }

    [Fact]
    public void Authorised_endpoints_declare_the_challenge_and_rate_limited_ones_429()
    {
        foreach (var e in ApiEndpoints())
        {
            var declared = e.Metadata.DeclaredErrors().Select(x => x.Code).ToHashSet();
            if (e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                Assert.True(declared.Contains(CommonErrors.Unauthorized.Code), $"{e.DisplayName} lacks {CommonErrors.Unauthorized.Code}");
                Assert.True(declared.Contains(CommonErrors.Forbidden.Code), $"{e.DisplayName} lacks {CommonErrors.Forbidden.Code}");
            }
            if (e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
                Assert.True(declared.Contains(CommonErrors.RateLimited.Code), $"{e.DisplayName} lacks {CommonErrors.RateLimited.Code}");
        }
    }

    [Fact]
    public void Declared_codes_are_in_the_published_catalogue()
    {
        var catalogue = ErrorCatalog.All.ToDictionary(e => e.Code);
        foreach (var e in ApiEndpoints())
        foreach (var error in e.Metadata.DeclaredErrors())
            Assert.True(catalogue.TryGetValue(error.Code, out var known) && known == error, $"{e.DisplayName}: {error.Code} is not a catalogued ErrorCode");
    }

    /// <summary>One idiom: named handlers returning a concrete TypedResults type, errors thrown, never a <c>Results&lt;…&gt;</c> union of errors.</summary>
    [Fact]
    public void Handlers_return_concrete_typed_results()
    {
        foreach (var e in ApiEndpoints())
        {
            var method = e.Metadata.GetMetadata<MethodInfo>()!;
            var type = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() is var d && (d == typeof(Task<>) || d == typeof(ValueTask<>))
                ? method.ReturnType.GetGenericArguments()[0] : method.ReturnType;
            Assert.False(type.Name.StartsWith("Results`", StringComparison.Ordinal), $"{e.DisplayName} returns a Results<…> union");
            Assert.True(typeof(IResult).IsAssignableFrom(type), $"{e.DisplayName} returns {type.Name}, not a TypedResults type");
            Assert.False(method.Name.Contains('<'), $"{e.DisplayName} is a lambda, not a named handler");
        }
    }

    [Fact]
    public async Task OpenApi_lists_exactly_the_declared_codes_per_operation()
    {
        var doc = JsonNode.Parse(await (await _host.CreateClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var checkedOperations = 0;
        foreach (var e in ApiEndpoints())
        {
            var path = "/" + string.Join("/", e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart param => "{" + param.Name + "}",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                _ => "",
            }))));
            var method = e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Single().ToLowerInvariant();
            var operation = doc["paths"]?[path]?[method];
            Assert.True(operation is not null, $"{method} {path} is missing from the document");
            var listed = operation!["responses"]!.AsObject()
                .Where(r => r.Key[0] is '4' or '5')
                .SelectMany(r => r.Value!["x-error-codes"]!.AsArray()
                    .Select(c => (Status: int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture), Code: c!.GetValue<string>())))
                .OrderBy(x => x.Code, StringComparer.Ordinal).ToList();
            var declared = e.Metadata.DeclaredErrors().Concat(CommonErrors.Anywhere).DistinctBy(x => x.Code)
                .Select(x => (x.Status, x.Code)).OrderBy(x => x.Code, StringComparer.Ordinal).ToList();
            Assert.Equal(declared, listed);
            checkedOperations++;
        }
        Assert.True(checkedOperations > 50);
    }
}
