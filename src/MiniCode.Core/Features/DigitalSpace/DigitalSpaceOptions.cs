using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.DigitalSpace;

/// <summary>Section <c>MiniCode:DigitalSpace</c> (数字空间: tag kinds, tags, objections).</summary>
public sealed class DigitalSpaceOptions : ISectionOptions
{
    public static string Section => "MiniCode:DigitalSpace";

    /// <summary>Longest retention staff may give a tag kind (days from attaching).</summary>
    [Range(1, 3650)]
    public int MaxRetentionDays { get; set; } = 1095;

    /// <summary>A tag removed by an upheld objection stays this many days (only its owner sees it, with the outcome), then the purge deletes it.</summary>
    [Range(0, 365)]
    public int RemovedKeptDays { get; set; } = 30;

    /// <summary>Longest objection reason and staff answer (characters).</summary>
    [Range(10, 500)]
    public int MaxTextLength { get; set; } = 500;

    /// <summary>Largest tag CSV a staff member may upload.</summary>
    [Range(1024, 1073741824)]
    public long MaxUploadBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Rejected rows (masked) of tag imports are deleted by <c>purge-tags</c> this many days after the import.</summary>
    [Range(1, 365)]
    public int RejectedRowsRetentionDays { get; set; } = 30;

    /// <summary>How long a node keeps the tag kinds the verify answer reads (each change on the node drops them at once).</summary>
    [Range(1, 3600)]
    public int KindCacheSeconds { get; set; } = 30;
}
