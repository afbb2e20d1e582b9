using System.Text.RegularExpressions;

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
        // When the response starts: the exception handler clears the headers set before it re-executes.
        http.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            context.Response.Headers[Header] = context.TraceIdentifier;
            return Task.CompletedTask;
        }, http);

        // ILogger<T> events get the id from this scope, which shadows the one ASP.NET Core's hosting opened with its
        // own RequestId (Kestrel's connection id); the request line gets it from the diagnostic context (LoggingSetup).
        using (logger.BeginScope(new RequestIdScope(requestId)))
        {
            await next(http);
        }
    }

    /// <summary>The scope's one property, without a dictionary per request.</summary>
    private sealed class RequestIdScope(string requestId) : IReadOnlyList<KeyValuePair<string, object>>
    {
        public KeyValuePair<string, object> this[int index] =>
            index == 0 ? new(Property, requestId) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => 1;

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{Property}:{requestId}";
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SafeId();
}
