using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Faq;

/// <summary>Section <c>Faq</c>.</summary>
public sealed class FaqOptions : ISectionOptions
{
    public static string Section => "Faq";
    [Range(1, 100)] public int HotQuestionLimit { get; set; } = 10;
    [Range(1, 100)] public int SearchResultLimit { get; set; } = 10;
    [Range(1, 200)] public int MaxQueryLength { get; set; } = 50;
}
