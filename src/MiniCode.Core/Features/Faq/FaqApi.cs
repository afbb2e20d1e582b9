using MiniCode.Data;
using System.ComponentModel.DataAnnotations;
using MiniCode.Features.Organisations;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Faq;

public sealed record FaqQuestionDto(long Id, long CategoryId, string Question, string Answer, bool Hot);
public sealed record FaqCategoryDto(long Id, string Name, IReadOnlyList<FaqQuestionDto> Questions);
public sealed record ConsultationPhoneDto(string RegionCode, string Name, string Phone);
public sealed record FaqHomeDto(IReadOnlyList<FaqCategoryDto> Categories, IReadOnlyList<FaqQuestionDto> Hot, IReadOnlyList<ConsultationPhoneDto> Phones);
public sealed record FaqSearchHit(FaqQuestionDto Question, double Score);

/// <summary>
/// A search's answer: the matching questions; when none match (<c>answered</c> false), the closest questions, the hot
/// questions and the region's hotlines instead, and the question is kept for staff.
/// </summary>
public sealed record FaqSearchAnswer(bool Answered, IReadOnlyList<FaqSearchHit> Hits, IReadOnlyList<FaqSearchHit> Closest,
    IReadOnlyList<FaqQuestionDto> Hot, IReadOnlyList<ConsultationPhoneDto> Phones);

/// <summary><c>?q=</c>, at most <see cref="FaqOptions.MaxQueryLength"/> characters; <c>?region=</c> (6 digits) picks the hotlines.</summary>
public sealed record FaqSearchQuery : IValidatable
{
    // Properties, not primary-constructor parameters, as in RegionQuery (the request delegate generator).
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "q")] public string? Q { get; init; }
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "region")] public string? Region { get; init; }

    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Required(Q, "q", "搜索内容", services.GetRequiredService<IOptions<FaqOptions>>().Value.MaxQueryLength)
            .Check(Region is null || RegionCodes.IsValid(Region), "region", "地区编码应为6位数字");
}

/// <summary>The mini program's FAQ (常见问题) and hotlines; public, no login needed.</summary>
public static class FaqApi
{
    public static IEndpointRouteBuilder MapFaqApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/faq").AllowAnonymous().RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("FAQ");
        group.MapGet("", GetHome);
        group.MapGet("/search", Search);
        return app;
    }

    /// <summary>常见问题首页</summary>
    /// <remarks>按排序返回全部分类及其问题、热门问题（至多 <c>Faq:HotQuestionLimit</c> 条）和咨询电话；<c>region</c>（6 位地区码）时只列该地区及其上级的电话。无需登录。</remarks>
    internal static async Task<Ok<FaqHomeDto>> GetHome([AsParameters] OptionalRegionQuery query, MiniCodeDbContext db, IOptions<FaqOptions> options, CancellationToken ct)
    {
        var categories = await db.Set<FaqCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var questions = await QuestionsAsync(db, ct);
        var byCategory = questions.ToLookup(q => q.CategoryId);
        return TypedResults.Ok(new FaqHomeDto(
            categories.Select(c => new FaqCategoryDto(c.Id, c.Name, byCategory[c.Id].Select(ToDto).ToList())).ToList(),
            Hot(questions, options.Value), await PhonesAsync(db, query.Region, ct)));
    }

    /// <summary>搜索常见问题（在线咨询）</summary>
    /// <remarks>按相关度返回至多 <c>Faq:SearchResultLimit</c> 条（<c>answered</c> 为 true）。无匹配时 <c>answered</c> 为 false，改答最接近的问题（<c>Faq:ClosestQuestionLimit</c>）、热门问题和本地区咨询电话，并把问题记入后台“未解答问题”。<c>q</c> 至多 <c>Faq:MaxQueryLength</c> 个字符。</remarks>
    public static async Task<Ok<FaqSearchAnswer>> Search([AsParameters] FaqSearchQuery query, MiniCodeDbContext db, UnansweredQuestions unanswered,
        IOptions<FaqOptions> options, CancellationToken ct)
    {
        var o = options.Value;
        var questions = await QuestionsAsync(db, ct);
        var hits = FaqSearch.Rank(query.Q!, questions, o.SearchResultLimit).Select(ToHit).ToList();
        if (hits.Count > 0) return TypedResults.Ok(new FaqSearchAnswer(true, hits, [], [], []));
        await unanswered.RecordAsync(query.Q!, query.Region, ct);
        return TypedResults.Ok(new FaqSearchAnswer(false, [], FaqSearch.Closest(query.Q!, questions, o.ClosestQuestionLimit).Select(ToHit).ToList(),
            Hot(questions, o), await PhonesAsync(db, query.Region, ct)));
    }

    private static Task<List<FaqQuestion>> QuestionsAsync(MiniCodeDbContext db, CancellationToken ct) =>
        db.Set<FaqQuestion>().AsNoTracking().OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct);

    private static List<FaqQuestionDto> Hot(IEnumerable<FaqQuestion> questions, FaqOptions options) =>
        questions.Where(q => q.IsHot).Take(options.HotQuestionLimit).Select(ToDto).ToList();

    /// <summary>The hotlines of the region and of the regions above it (all of them without a region).</summary>
    private static async Task<List<ConsultationPhoneDto>> PhonesAsync(MiniCodeDbContext db, string? region, CancellationToken ct) =>
        (await db.Set<ConsultationPhone>().AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct))
            .Where(p => region is null || RegionCodes.Covers(p.RegionCode, region))
            .Select(p => new ConsultationPhoneDto(p.RegionCode, p.Name, p.Phone)).ToList();

    private static FaqSearchHit ToHit(FaqSearch.Scored s) => new(ToDto(s.Question), Math.Round(s.Score, 3));

    private static FaqQuestionDto ToDto(FaqQuestion q) => new(q.Id, q.CategoryId, q.Question, q.Answer, q.IsHot);
}
