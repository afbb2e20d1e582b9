using System.Net.Http.Json;
using System.Text.Json;

namespace MiniCode.Platform.WeChat;

/// <summary>
/// The app's access token from <c>POST /cgi-bin/stable_token</c>, cached in process and renewed by one refresher at a
/// time (stable_token hands every node the same token, so nodes need no shared cache).
/// </summary>
public sealed class WeChatAccessTokenCache(IHttpClientFactory httpFactory, IOptions<WeChatOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_token is { } cached && time.GetUtcNow() < _renewAt) return cached;
        await _refresh.WaitAsync(ct);
        try
        {
            if (_token is { } fresh && time.GetUtcNow() < _renewAt) return fresh;
            return await FetchAsync(forceRefresh: false, ct);
        }
        finally { _refresh.Release(); }
    }

    /// <summary>WeChat rejected <paramref name="rejected"/> (40001/42001): fetch a new one unless another caller already did.</summary>
    public async Task<string> RenewAfterRejectionAsync(string rejected, CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            if (_token is { } other && other != rejected && time.GetUtcNow() < _renewAt) return other;
            return await FetchAsync(forceRefresh: true, ct);
        }
        finally { _refresh.Release(); }
    }

    private async Task<string> FetchAsync(bool forceRefresh, CancellationToken ct)
    {
        var o = options.Value;
        var http = httpFactory.CreateClient(WeChatApiClient.HttpClientName);
        var request = new HttpRequestMessage(HttpMethod.Post, "cgi-bin/stable_token")
        {
            Content = JsonContent.Create(new { grant_type = "client_credential", appid = o.AppId, secret = o.AppSecret, force_refresh = forceRefresh }),
        };
        var (body, _) = await PlatformHttp.SendAsync(http, request, WeChatErrors.Failures(o), ct);
        var json = WeChatApiClient.ParseChecked(body, o);
        var token = (json.TryGetProperty("access_token", out var t) ? t.GetString() : null) ?? throw WeChatErrors.Failures(o).Raise(WeChatErrors.Failed);
        var expiresIn = json.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 7200;
        _token = token;
        _renewAt = time.GetUtcNow() + TimeSpan.FromSeconds(expiresIn) - o.AccessTokenRefreshMargin;
        return token;
    }
}
