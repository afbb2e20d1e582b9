namespace MiniCode.Infrastructure.Errors;

/// <summary>
/// A stable, machine-readable error the mini program can switch on, with the HTTP status
/// it travels with and a Chinese message a person can read.
/// </summary>
public sealed record ErrorCode(string Code, int Status, string Message);

/// <summary>Thrown anywhere below an endpoint to end the request with this error's ProblemDetails.</summary>
public sealed class ApiException(ErrorCode error, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception($"{error.Code}: {detail ?? error.Message}")
{
    public ErrorCode Error { get; } = error;
    public string? Detail { get; } = detail;
    public IReadOnlyDictionary<string, object?>? Extensions { get; } = extensions;
    /// <summary>Seconds the client should wait, sent as Retry-After (rate limits, platform trouble).</summary>
    public int? RetryAfterSeconds { get; init; }
}
