using MiniCode.Data;
using System.ComponentModel.DataAnnotations;
using MiniCode.Features.Organisations;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Feedback;

public sealed record FeedbackRequest(FeedbackCategory? Category, string? Content, string? ContactPhone, string? RegionCode) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services)
    {
        var phone = ContactPhone?.Trim();
        v.Check(Category is not null, "category", "请选择反馈类型")
            .Required(Content?.Trim(), "content", "反馈内容", services.GetRequiredService<IOptions<FeedbackOptions>>().Value.MaxContentLength)
            .Check(string.IsNullOrEmpty(phone) || (phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit)), "contactPhone", "手机号格式不正确")
            .Check(RegionCode is null || RegionCodes.IsValid(RegionCode), "regionCode", "地区编码应为6位数字");
    }
}
public sealed record FeedbackReceipt(long Id, string Status, DateTimeOffset CreatedAt);
public sealed record FeedbackItemDto(long Id, string Category, string Content, string Status, string? Reply, DateTimeOffset CreatedAt, DateTimeOffset? RepliedAt);

public static class FeedbackErrors
{
    public static readonly ErrorCode TooMany = new("feedback.too_many", 429, "今日反馈次数已达上限，请明天再试");
}

/// <summary>纠错反馈 from the mini program: a logged-in citizen sends one and reads the replies to their own.</summary>
public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/feedback").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Feedback").ProducesErrors(SessionErrors.Challenge);
        group.MapPost("", Submit).ProducesErrors(FeedbackErrors.TooMany);
        group.MapGet("", ListMine);
        return app;
    }

    /// <summary>提交纠错反馈</summary>
    /// <remarks>已登录用户提交反馈（类别、内容，可留联系方式）；内容长度上限 <c>Feedback:MaxContentLength</c>，联系方式加密存储、脱敏显示。受每客户端限流。</remarks>
    internal static async Task<Ok<FeedbackReceipt>> Submit(
        FeedbackRequest request, System.Security.Claims.ClaimsPrincipal user, MiniCodeDbContext db, PersonalDataProtector protector,
        TimeProvider time, IOptions<FeedbackOptions> options, CancellationToken ct)
    {
        var phone = request.ContactPhone?.Trim();
        var accountId = user.AccountId();
        var now = time.GetUtcNow();
        var since = now.AddDays(-1);
        if (await db.Set<FeedbackEntry>().CountAsync(f => f.AccountId == accountId && f.CreatedAt > since, ct) >= options.Value.PerAccountPerDay)
            throw new ApiException(FeedbackErrors.TooMany);

        var entry = new FeedbackEntry
        {
            AccountId = accountId, Category = request.Category!.Value, Content = request.Content!.Trim(), RegionCode = request.RegionCode,
            ContactCipher = string.IsNullOrEmpty(phone) ? null : protector.Encrypt(phone),
            ContactMasked = string.IsNullOrEmpty(phone) ? null : SensitiveDataMasker.MaskPhone(phone),
            Status = FeedbackStatus.Pending, CreatedAt = now,
        };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new FeedbackReceipt(entry.Id, entry.Status.ToString(), entry.CreatedAt));
    }

    /// <summary>我的反馈</summary>
    /// <remarks>本账号提交的反馈及处理状态（待处理、处理中、已处理）和工作人员回复，新的在前。</remarks>
    internal static async Task<Ok<IReadOnlyList<FeedbackItemDto>>> ListMine(System.Security.Claims.ClaimsPrincipal user, MiniCodeDbContext db, CancellationToken ct)
    {
        var accountId = user.AccountId();
        var list = await db.Set<FeedbackEntry>().AsNoTracking().Where(f => f.AccountId == accountId)
            .OrderByDescending(f => f.Id).Take(50).ToListAsync(ct);
        IReadOnlyList<FeedbackItemDto> dto = list.Select(f => new FeedbackItemDto(f.Id, f.Category.ToString(), f.Content, f.Status.ToString(), f.Reply, f.CreatedAt, f.RepliedAt)).ToList();
        return TypedResults.Ok(dto);
    }
}
