using System.Globalization;
using System.Text;

namespace MiniCode.Features.Rendering;

/// <summary>
/// The answers of a shown code's endpoints (<c>…/code</c>, <c>…/code.png</c>, <c>…/code.svg</c>) in every feature: a
/// signed code is short-lived and personal, so nothing caches it; the image's expiry (and, where the feature tells
/// them, its colour and payload) travel in headers so a client can show them next to the image and refresh in time.
/// </summary>
public static class CodeImages
{
    public const string ExpiresHeader = "X-Code-Expires";
    public const string ColorHeader = "X-Code-Color";
    public const string PayloadHeader = "X-Code-Payload";

    /// <summary>For the JSON answer: not stored by any cache.</summary>
    public static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";

    /// <summary>The PNG of a shown code, with its headers.</summary>
    public static FileContentHttpResult Png(HttpContext http, byte[] png, DateTimeOffset expiresAt, string? color = null, string? payload = null)
    {
        SetHeaders(http, expiresAt, color, payload);
        return TypedResults.File(png, "image/png");
    }

    /// <summary>The SVG of a shown code, with its headers.</summary>
    public static FileContentHttpResult Svg(HttpContext http, string svg, DateTimeOffset expiresAt, string? color = null, string? payload = null)
    {
        SetHeaders(http, expiresAt, color, payload);
        return TypedResults.File(Encoding.UTF8.GetBytes(svg), "image/svg+xml");
    }

    private static void SetHeaders(HttpContext http, DateTimeOffset expiresAt, string? color, string? payload)
    {
        var headers = http.Response.Headers;
        NoStore(http);
        headers[ExpiresHeader] = expiresAt.ToString("O", CultureInfo.InvariantCulture);
        if (color is not null) headers[ColorHeader] = color;
        if (payload is not null) headers[PayloadHeader] = payload;
    }
}
