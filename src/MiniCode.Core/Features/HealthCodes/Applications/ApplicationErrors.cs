using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.HealthCodes.Applications;

public static class ApplicationErrors
{
    public static readonly ErrorCode VerifyNotPermitted = new("codes.verify_not_permitted", 403, "该应用未开通扫码权限");
    public static readonly ErrorCode GenerateNotPermitted = new("codes.generate_not_permitted", 403, "该应用未开通生码权限");
    public static readonly ErrorCode CategoryNotPermitted = new("codes.category_not_permitted", 403, "该应用无权使用此类码");
    public static readonly ErrorCode ApplicationRateLimited = new("codes.application_rate_limited", 429, "应用调用过于频繁，请稍后再试");
    public static readonly ErrorCode GenerationUnsupported = new("codes.generation_unsupported", 400, "该码分类不支持接口生码");
    public static readonly ErrorCode ApplicationsOnly = new("codes.applications_only", 403, "仅限已登记的码应用调用");

    /// <summary>What the verify endpoint answers an application beyond the shared verifier's errors.</summary>
    public static readonly IReadOnlyList<ErrorCode> Verify = [VerifyNotPermitted, CategoryNotPermitted, ApplicationRateLimited];
    public static readonly IReadOnlyList<ErrorCode> Generate = [ApplicationsOnly, GenerateNotPermitted, CategoryNotPermitted, ApplicationRateLimited, GenerationUnsupported];
}
