using System.Threading.RateLimiting;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.HealthCodes.Applications;

/// <summary>
/// 生成权限 and 扫码权限 on the request path, from the <see cref="ApplicationGrant"/> the key scheme attached: the
/// switch, then the application's own limit (a fixed window per application and node, apart from the per-client
/// verify limit), each refusal counted for the statistics under the application. Nothing here touches the database.
/// </summary>
public sealed class ApplicationGate(CodeUsageCounters counters) : IDisposable
{
    private readonly PartitionedRateLimiter<ApplicationGrant> limiter = PartitionedRateLimiter.Create<ApplicationGrant, (long, int)>(grant =>
        // The limit is part of the partition, so a changed limit takes effect with the next call.
        RateLimitPartition.GetFixedWindowLimiter((grant.Id, grant.PerMinute),
            key => new FixedWindowRateLimiterOptions { PermitLimit = key.Item2, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>The application calling, or null for the platform's own callers (scanner sessions).</summary>
    public static ApplicationGrant? Of(HttpContext http) => http.Features.Get<ApplicationGrant>();

    public VerifyCaller AdmitVerify(ApplicationGrant grant)
    {
        if (!grant.VerifyEnabled) Refuse(grant, "verify_off", ApplicationErrors.VerifyNotPermitted);
        Limit(grant);
        return new VerifyCaller(grant.StatisticsKey, grant.VerifyCategories);
    }

    public void AdmitGenerate(ApplicationGrant grant, string category)
    {
        if (!grant.GenerateEnabled) Refuse(grant, "generate_off", ApplicationErrors.GenerateNotPermitted);
        if (!grant.GenerateCategories.Contains(category)) Refuse(grant, "generate_category", ApplicationErrors.CategoryNotPermitted);
        Limit(grant);
    }

    /// <summary>A verified code of a category the application may not see (the verifier counted it already).</summary>
    public static void RefuseCategory() => throw new ApiException(ApplicationErrors.CategoryNotPermitted);

    private void Limit(ApplicationGrant grant)
    {
        using var lease = limiter.AttemptAcquire(grant);
        if (!lease.IsAcquired) Refuse(grant, "rate_limited", ApplicationErrors.ApplicationRateLimited);
    }

    private void Refuse(ApplicationGrant grant, string why, ErrorCode error)
    {
        counters.Increment(CodeUsage.UnknownType, null, CodeUsage.RefusedPrefix + why, grant.StatisticsKey);
        throw new ApiException(error);
    }

    public void Dispose() => limiter.Dispose();
}
