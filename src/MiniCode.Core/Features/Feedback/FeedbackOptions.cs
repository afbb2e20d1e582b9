using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Feedback;

/// <summary>Section <c>Feedback</c>: citizens' feedback (纠错反馈) from the mini program.</summary>
public sealed class FeedbackOptions : ISectionOptions
{
    public static string Section => "Feedback";

    /// <summary>Longest feedback text, in characters.</summary>
    [Range(10, 10000)] public int MaxContentLength { get; set; } = 1000;
    /// <summary>A citizen may send at most this many feedbacks per day.</summary>
    [Range(1, 1000)] public int PerAccountPerDay { get; set; } = 10;
}
