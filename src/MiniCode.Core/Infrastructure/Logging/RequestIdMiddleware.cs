using System.Text.RegularExpressions;
using Serilog.Context;

namespace MiniCode.Infrastructure.Logging;

/// <summary>
/// Accepts a caller's <c>X-Request-Id</c> (or makes one), makes it the request's <c>TraceIdentifier</c> (so the
/// ProblemDetails <c>requestId</c> and the audit trail carry it), returns it, and puts it on every log line of the
/// request. The request line itself is written by Serilog's <c>UseSerilogRequestLogging</c>, which runs inside this.
/// </summary>
internal sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string Header = "X-Request-Id";
    public const string Property = "RequestId";

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

        // Two carriers, one value: the Serilog log context reaches events written to Serilog directly (the request
        // line); the Microsoft.Extensions.Logging scope reaches ILogger<T> events, where it must shadow the scope
        // ASP.NET Core's hosting opened with its own RequestId (Kestrel's connection id), taken before this ran.
        using (LogContext.PushProperty(Property, requestId))
        using (logger.BeginScope(new Dictionary<string, object> { [Property] = requestId }))
        {
            await next(http);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SafeId();
}
