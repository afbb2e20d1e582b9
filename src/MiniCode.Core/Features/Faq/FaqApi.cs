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

/// <summary><c>?q=</c>, at most <see cref="FaqOptions.MaxQueryLength"/> characters.</summary>
public sealed record FaqSearchQuery([Microsoft.AspNetCore.Mvc.FromQuery(Name = "q")] string? Q) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Required(Q, "q", "搜索内容", services.GetRequiredService<IOptions<FaqOptions>>().Value.MaxQueryLength);
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

    private static async Task<Ok<FaqHomeDto>> GetHome([AsParameters] OptionalRegionQuery query, MiniCodeDbContext db, IOptions<FaqOptions> options, CancellationToken ct)
    {
        var region = query.Region;
        var categories = await db.Set<FaqCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var questions = await db.Set<FaqQuestion>().AsNoTracking().OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct);
        var phones = await db.Set<ConsultationPhone>().AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
        var byCategory = questions.ToLookup(q => q.CategoryId);
        return TypedResults.Ok(new FaqHomeDto(
            categories.Select(c => new FaqCategoryDto(c.Id, c.Name, byCategory[c.Id].Select(ToDto).ToList())).ToList(),
            questions.Where(q => q.IsHot).Take(options.Value.HotQuestionLimit).Select(ToDto).ToList(),
            phones.Where(p => region is null || RegionCodes.Covers(p.RegionCode, region))
                .Select(p => new ConsultationPhoneDto(p.RegionCode, p.Name, p.Phone)).ToList()));
    }

    private static async Task<Ok<IReadOnlyList<FaqSearchHit>>> Search([AsParameters] FaqSearchQuery query, MiniCodeDbContext db, IOptions<FaqOptions> options, CancellationToken ct)
    {
        var questions = await db.Set<FaqQuestion>().AsNoTracking().ToListAsync(ct);
        IReadOnlyList<FaqSearchHit> hits = FaqSearch.Rank(query.Q!, questions, options.Value.SearchResultLimit)
            .Select(s => new FaqSearchHit(ToDto(s.Question), Math.Round(s.Score, 3))).ToList();
        return TypedResults.Ok(hits);
    }

    private static FaqQuestionDto ToDto(FaqQuestion q) => new(q.Id, q.CategoryId, q.Question, q.Answer, q.IsHot);
}
