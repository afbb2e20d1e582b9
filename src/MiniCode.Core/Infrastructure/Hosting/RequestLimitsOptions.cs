using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Metadata;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Infrastructure.Hosting;

/// <summary>Section <c>MiniCode:Limits</c>.</summary>
public sealed class RequestLimitsOptions : ISectionOptions
{
    public static string Section => "MiniCode:Limits";

    /// <summary>Largest request body accepted, unless an endpoint declares its own limit (imports, photos).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Requests a client IP may make per minute on rate-limited groups, per node.</summary>
    [Range(1, 1_000_000)]
    public int PerClientPerMinute { get; set; } = 600;

    /// <summary>
    /// How long a request waits for a per-key lock (<c>KeyedLocks</c>: SMS sends per phone and address, check-ins,
    /// relative adds per holder) held by another request or node before it answers 503 with Retry-After.
    /// </summary>
    [Range(1, 120)]
    public int LockWaitSeconds { get; set; } = 10;

    /// <summary>How long shutdown waits for in-flight requests and jobs.</summary>
    [Range(1, 600)]
    public int ShutdownTimeoutSeconds { get; set; } = 20;
}

/// <summary>
/// Refuses a declared oversize body with a 413 ProblemDetails before any handler reads it. Kestrel enforces the
/// same limit on streamed bodies; this also covers hosts without Kestrel's limit (test server, proxies).
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public Task InvokeAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? options.Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength is { } length && length > limit)
            throw new ApiException(CommonErrors.BodyTooLarge, $"请求内容不能超过 {limit / 1024} KB");
        return next(http);
    }
}
