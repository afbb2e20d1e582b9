using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes.Scheduled;

/// <summary>Section <c>MiniCode:HealthCodes:Jobs</c>: how much one run of a health-code job handles.</summary>
public sealed class HealthCodeJobOptions : ISectionOptions
{
    public static string Section => "MiniCode:HealthCodes:Jobs";

    /// <summary>Statuses recomputed per run of <c>recompute-due-colours</c> (the rest on the next run or read).</summary>
    [Range(1, 100_000)] public int RecomputeBatchSize { get; set; } = 1000;
}
