using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.DataSupport;

/// <summary>Section <c>MiniCode:DataSupport</c>: health probes of registered data interfaces and pulls of data needs.</summary>
public sealed class DataSupportOptions : ISectionOptions
{
    public static string Section => "MiniCode:DataSupport";

    /// <summary>A probe without an answer within this many seconds records the interface as unavailable.</summary>
    [Range(1, 120)]
    public int ProbeTimeoutSeconds { get; set; } = 10;

    /// <summary>Probe results are kept this many days (the availability history), then deleted by the probe job.</summary>
    [Range(1, 3650)]
    public int ProbeHistoryDays { get; set; } = 30;

    /// <summary>The availability shown in the admin covers the probes of this many hours.</summary>
    [Range(1, 720)]
    public int AvailabilityWindowHours { get; set; } = 24;

    /// <summary>A pull that has not finished reading the interface's answer within this many seconds fails.</summary>
    [Range(1, 600)]
    public int PullTimeoutSeconds { get; set; } = 60;

    /// <summary>Largest answer a pull reads; a larger one fails without importing anything.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxPullBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Data needs one run of <c>pull-data-needs</c> pulls at most, in priority order (the rest wait for the next run).</summary>
    [Range(1, 10000)]
    public int PullBatchSize { get; set; } = 50;
}
