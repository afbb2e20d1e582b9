using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Faq;

/// <summary>Section <c>Faq</c>: the mini program's FAQ home and search.</summary>
public sealed class FaqOptions : ISectionOptions
{
    public static string Section => "Faq";

    /// <summary>Hot questions (热门问题) shown on the FAQ home.</summary>
    [Range(1, 100)] public int HotQuestionLimit { get; set; } = 10;
    /// <summary>Questions one search returns, best first.</summary>
    [Range(1, 100)] public int SearchResultLimit { get; set; } = 10;
    /// <summary>Closest questions offered when a search matches nothing.</summary>
    [Range(1, 20)] public int ClosestQuestionLimit { get; set; } = 3;
    /// <summary>Different unanswered searches kept for staff; past this the oldest go (one row per text, counted).</summary>
    [Range(10, 100000)] public int MaxUnansweredKept { get; set; } = 1000;
    /// <summary>Longest search text accepted, in characters.</summary>
    [Range(1, 200)] public int MaxQueryLength { get; set; } = 50;
}
