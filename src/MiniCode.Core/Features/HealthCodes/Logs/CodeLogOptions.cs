using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes.Logs;

/// <summary>Section <c>MiniCode:HealthCodes:Logs</c>: 亮码/扫码 records and the retention of each log kind.</summary>
public sealed class CodeLogOptions : ISectionOptions
{
    public static string Section => "MiniCode:HealthCodes:Logs";

    /// <summary>How often queued show/scan events are written.</summary>
    [Range(1, 3600)] public int FlushSeconds { get; set; } = 1;

    /// <summary>Events a node queues at most; past it new events are dropped (and counted in the log) rather than slowing a request.</summary>
    [Range(1000, 10_000_000)] public int QueueCapacity { get; set; } = 200_000;

    /// <summary>Rows per write (one PostgreSQL COPY, or one SQLite transaction).</summary>
    [Range(10, 100_000)] public int BatchSize { get; set; } = 1000;

    /// <summary>亮码记录 are kept this many days.</summary>
    [Range(1, 3650)] public int ShowRetentionDays { get; set; } = 30;

    /// <summary>扫码记录 are kept this many days.</summary>
    [Range(1, 3650)] public int ScanRetentionDays { get; set; } = 180;

    /// <summary>操作记录 (the audit log) are kept this many days.</summary>
    [Range(30, 36500)] public int OperationRetentionDays { get; set; } = 1095;
}
