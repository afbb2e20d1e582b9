using Microsoft.Net.Http.Headers;

namespace MiniCode.Infrastructure.Hosting;

/// <summary>
/// Response headers against content sniffing, framing, referrer leaks and caching of personal data. The admin gets a
/// Content-Security-Policy allowing scripts only from its own files (no inline script: confirmations are
/// <c>data-confirm</c> handled by confirm.js) and no framing; API answers are never stored by caches unless the
/// endpoint says otherwise (public keys, images it marks cacheable).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string AdminContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            if (path.StartsWithSegments("/admin"))
            {
                // Hangfire's dashboard (under /admin/hangfire) too: its scripts are files and its settings data attributes.
                headers[HeaderNames.ContentSecurityPolicy] = AdminContentSecurityPolicy;
                headers[HeaderNames.XFrameOptions] = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
            }
            else if (path.StartsWithSegments("/api") && !headers.ContainsKey(HeaderNames.CacheControl))
            {
                headers[HeaderNames.CacheControl] = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(http);
    }
}
