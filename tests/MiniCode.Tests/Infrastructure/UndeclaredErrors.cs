using System.Collections.Concurrent;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Tests.Infrastructure;

/// <summary>
/// Notes every error an API endpoint answers without declaring it (<c>ProducesErrors</c>). It runs first among the
/// exception handlers and never handles anything itself. <see cref="MiniCodeFactory"/> fails on disposal when it noted
/// any, so the whole suite checks the declarations against the code paths the tests walk.
/// </summary>
internal sealed class UndeclaredErrors : IExceptionHandler
{
    private readonly ConcurrentDictionary<string, byte> _found = new();

    public IReadOnlyCollection<string> Found => _found.Keys.Order(StringComparer.Ordinal).ToList();

    public static UndeclaredErrors Register(IServiceCollection services)
    {
        var recorder = new UndeclaredErrors();
        services.Insert(0, ServiceDescriptor.Singleton<IExceptionHandler>(recorder));
        return recorder;
    }

    public ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // The exception handler middleware has cleared the endpoint from the context by now; its feature keeps it.
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        if (endpoint?.Metadata.GetMetadata<ApiEndpointMetadata>() is not null && exception is not OperationCanceledException)
        {
            var (error, _, _) = ApiExceptionHandler.Classify(exception);
            if (!endpoint.Metadata.Declares(error.Code)) _found.TryAdd($"{endpoint.DisplayName} → {error.Code}", 0);
        }
        return ValueTask.FromResult(false);
    }
}
