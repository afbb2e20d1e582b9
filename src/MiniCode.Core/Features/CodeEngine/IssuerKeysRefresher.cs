using MiniCode.Data;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.CodeEngine;

/// <summary>
/// Fetches the JWKS of every enabled URL issuer and keeps the last good document with its time; a failed fetch keeps
/// the old keys (usable until <see cref="CodeEngineOptions.IssuerKeysStaleLimit"/>) and records the error for staff.
/// </summary>
public sealed class IssuerKeysRefresher(MiniCodeDbContext db, IHttpClientFactory http, IOptions<CodeEngineOptions> options, TimeProvider time,
    IClusterSignals signals, ILogger<IssuerKeysRefresher> logger)
{
    public const string HttpClientName = "code-issuer-keys";

    /// <summary>Refreshes one issuer (the admin's "refresh now") or all URL issuers; answers how many got new keys.</summary>
    public async Task<int> RefreshAsync(long? issuerId, CancellationToken ct)
    {
        var issuers = await db.Set<CodeIssuer>().Where(i => i.KeySource == IssuerKeySource.Url && i.JwksUrl != null && (issuerId == null ? i.Enabled : i.Id == issuerId))
            .ToListAsync(ct);
        var refreshed = 0;
        foreach (var issuer in issuers)
        {
            var (document, error) = await FetchAsync(issuer.JwksUrl!, ct);
            if (document is not null)
            {
                issuer.JwksDocument = document;
                issuer.KeysFetchedAt = time.GetUtcNow();
                issuer.LastFetchError = null;
                refreshed++;
            }
            else
            {
                issuer.LastFetchError = error;
                logger.LogWarning("Keys of code issuer {IssuerId} not refreshed: {Error}", issuer.Id, error);
            }
        }
        await db.SaveChangesAsync(ct);
        if (issuers.Count > 0) await signals.PublishAsync(ThirdPartyCodeVerifier.IssuersTopic, "keys", ct);
        return refreshed;
    }

    private async Task<(string? Document, string? Error)> FetchAsync(string url, CancellationToken ct)
    {
        var limit = options.Value.MaxJwksBytes;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.IssuerKeysFetchTimeoutSeconds));
            using var response = await http.CreateClient(HttpClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode) return (null, $"HTTP {(int)response.StatusCode}");
            if (response.Content.Headers.ContentLength > limit) return (null, "密钥文档过大");
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, timeout.Token);
            if (buffer.Length > limit) return (null, "密钥文档过大");
            var document = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            return IssuerKeys.Parse(document, out var error) is null ? (null, error) : (document, null);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return (null, e is OperationCanceledException ? "获取超时" : "无法连接：" + e.Message[..Math.Min(e.Message.Length, 200)]);
        }
    }
}

/// <summary>Scheduled as <c>refresh-issuer-keys</c>: the JWKS of every enabled URL issuer.</summary>
public sealed class RefreshIssuerKeysJob(IssuerKeysRefresher refresher) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => new(await refresher.RefreshAsync(null, cancellationToken));
}
