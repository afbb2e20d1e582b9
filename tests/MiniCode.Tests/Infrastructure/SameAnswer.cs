using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MiniCode.Tests.Infrastructure;

/// <summary>
/// No enumeration (M4): two answers, one about an existing phone or document and one about an unknown one, must be
/// identical in status, content type and body (the request id aside, which differs per request by design).
/// </summary>
public static class SameAnswer
{
    public static async Task AssertAsync(HttpResponseMessage forExisting, HttpResponseMessage forUnknown, string? expectedCode = null)
    {
        var existing = await BodyAsync(forExisting);
        var unknown = await BodyAsync(forUnknown);
        Assert.Equal(forUnknown.StatusCode, forExisting.StatusCode);
        Assert.Equal(forUnknown.Content.Headers.ContentType?.MediaType, forExisting.Content.Headers.ContentType?.MediaType);
        Assert.Equal(unknown, existing);
        if (expectedCode is not null) Assert.Contains($"\"code\":\"{expectedCode}\"", existing, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.InternalServerError, forExisting.StatusCode);
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (JsonNode.Parse(text) is JsonObject body)
        {
            body.Remove("requestId");
            body.Remove("traceId");
            return body.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        }
        return text;
    }
}
