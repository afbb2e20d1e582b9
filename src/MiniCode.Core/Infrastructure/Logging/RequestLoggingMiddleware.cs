using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MiniCode.Infrastructure.Logging;

/// <summary>
/// Accepts a caller's <c>X-Request-Id</c> (or makes one), returns it, puts it on every log line of the request,
/// and writes one line per request with status and duration. The query string is never logged.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext http)
    {
        var incoming = http.Request.Headers[Header].ToString();
        var requestId = SafeId().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
        http.TraceIdentifier = requestId;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = requestId;
            return Task.CompletedTask;
        });

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId });
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            logger.LogInformation("HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms",
                http.Request.Method, http.Request.Path.Value, http.Response.StatusCode, elapsed);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SafeId();
}
