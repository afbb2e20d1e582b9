using System.Net;
using System.Net.Http.Json;
using System.Text.Json;


namespace MiniCode.Tests.Infrastructure;

public static class HttpAssert
{
    /// <summary>Asserts an RFC 9457 problem with the status and stable code; returns the parsed body.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {Short(text)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        Assert.True(body.TryGetProperty("requestId", out _), "problem carries the request id");
        return body;
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {Short(text)}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private static string Short(string text) => text.Length > 600 ? text[..600] + "…" : text;

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);
}
