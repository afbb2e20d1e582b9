using System.Net;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Platform;

/// <summary>How one platform's transport failures surface to our clients: always a 502/503 with Retry-After, never a 500.</summary>
public sealed record PlatformFailures(ErrorCode Timeout, ErrorCode Unreachable, int RetryAfterSeconds)
{
    public ApiException Raise(ErrorCode error, string? detail = null) =>
        new(error, detail) { RetryAfterSeconds = error.Status >= 500 || error.Status == 429 ? RetryAfterSeconds : null };
}

/// <summary>Sends a platform request and turns timeouts, connection failures and HTTP errors into the platform's own error codes.</summary>
public static class PlatformHttp
{
    public static async Task<(byte[] Body, string? MediaType)> SendAsync(HttpClient http, HttpRequestMessage request, PlatformFailures failures, CancellationToken ct)
    {
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK)
                throw failures.Raise(failures.Unreachable, $"HTTP {(int)response.StatusCode}");
            return (body, response.Content.Headers.ContentType?.MediaType);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed: the platform is slow, not our caller.
            throw failures.Raise(failures.Timeout);
        }
        catch (HttpRequestException)
        {
            throw failures.Raise(failures.Unreachable);
        }
    }

    /// <summary>Normalises a configured base URL so relative API paths append to it.</summary>
    public static Uri BaseAddress(string url) => new(url.EndsWith('/') ? url : url + "/");
}
