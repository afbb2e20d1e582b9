using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.HealthCodes;

/// <summary>
/// 扫一扫 (福建): a citizen scans another person's code and sees what a checkpoint sees — valid or why not, the
/// holder's current colour and masked name — through the same <see cref="HealthCodeVerifier"/>, never the portrait.
/// Its own limit per account (<c>CitizenScanPerMinute</c>), below a checkpoint's.
/// </summary>
public static class CitizenScanApi
{
    public const string RateLimit = "citizen-scan";

    public sealed record ScanRequest(string? Payload) : IValidatable
    {
        public void Validate(InputValidator v, IServiceProvider services) =>
            v.Check(Payload is { Length: > 0 and <= 1000 }, "payload", "请提供二维码内容");
    }

    public sealed record ScanResponse(bool Valid, string? Reason, string? ReasonText, string? Type, HealthColor? Color, string? MaskedName, DateTimeOffset? ExpiresAt);

    public static IServiceCollection AddCitizenScanLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<HealthCodeOptions>>((o, codes) =>
        {
            var permits = codes.Value.CitizenScanPerMinute;
            // The limiter runs before authentication: the session token stands for the account, else the address.
            o.AddPolicy(RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Request.Headers.Authorization.ToString() is { Length: > 0 } bearer ? "auth:" + bearer : "ip:" + http.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary><c>POST /api/me/scan {payload}</c> in the citizen's <c>/api/me</c> group.</summary>
    public static RouteGroupBuilder MapCitizenScan(this RouteGroupBuilder me)
    {
        me.MapPost("/scan", Scan).RequireRateLimiting(RateLimit).ProducesErrors(CommonErrors.ValidationFailed);
        return me;
    }

    /// <summary>扫一扫（核验他人健康码）</summary>
    /// <remarks>市民扫他人的码，看到核验端能看到的内容：是否有效及原因、码类型、颜色、脱敏姓名和有效期，不含人像。每账号每分钟至多 <c>MiniCode:HealthCodes:CitizenScanPerMinute</c> 次。</remarks>
    internal static async Task<Ok<ScanResponse>> Scan(ScanRequest body, HealthCodeVerifier verifier, CancellationToken ct)
    {
        var r = await verifier.VerifyAsync(body.Payload!, ct);
        return TypedResults.Ok(new ScanResponse(r.Valid, r.ReasonCode, ReasonText(r.Reason), r.Claims?.Type.WireName(), r.Color, r.MaskedName, r.Claims?.ExpiresAt));
    }

    private static string? ReasonText(VerifyFailure? reason) => reason switch
    {
        null => null,
        VerifyFailure.Malformed => "不是健康码",
        VerifyFailure.Expired => "健康码已过期，请对方刷新后重新出示",
        VerifyFailure.Revoked => "健康码已失效",
        _ => "健康码无法验证，可能是伪造的",
    };
}
