using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.HealthCodes;

/// <summary>
/// The verify budget in two steps. Before authentication (the rate-limiter middleware) a request is counted against
/// its client address only: whatever credential it presents, random headers never open fresh buckets. After
/// authentication (an endpoint filter on <c>/api/codes</c>) it is counted against the principal that was
/// authenticated — the partner key's name or the scanner account — however its header was spelled.
/// </summary>
public sealed class VerifyRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perPrincipal;

    public VerifyRateLimits(IOptions<HealthCodeOptions> options)
    {
        var permits = options.Value.VerifyPerMinute;
        _perPrincipal = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>The address step, as a partition of the <see cref="HealthCodesSetup.VerifyRateLimit"/> policy.</summary>
    public static void AddAddressPolicy(RateLimiterOptions o, int permitsPerMinute) =>
        o.AddPolicy(HealthCodesSetup.VerifyRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress ?? System.Net.IPAddress.None,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>The principal step: runs after authorization, so the user is the authenticated verifier.</summary>
    public static async ValueTask<object?> PerPrincipalFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<VerifyRateLimits>().Admit(PrincipalKey(http.User));
        return await next(context);
    }

    /// <summary>Counts one verification of the principal, or answers 429 with its Retry-After (the filter and the hot path).</summary>
    public void Admit(string principalKey)
    {
        using var lease = _perPrincipal.AttemptAcquire(principalKey);
        if (!lease.IsAcquired)
            throw new ApiException(CommonErrors.RateLimited)
            {
                RetryAfterSeconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60,
            };
    }

    /// <summary>A scanner by its account, a partner key by its registered name.</summary>
    private static string PrincipalKey(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } account ? AccountKey(account)
        : ApplicationKey(user.FindFirstValue(ClaimTypes.Name) ?? "unknown");

    public static string AccountKey(string accountId) => "account:" + accountId;

    public static string ApplicationKey(string name) => "key:" + name;

    public void Dispose() => _perPrincipal.Dispose();
}
