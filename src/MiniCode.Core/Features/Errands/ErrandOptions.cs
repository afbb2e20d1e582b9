using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Errands;

/// <summary>Section <c>MiniCode:Errands</c>: the rules of 授权办事.</summary>
public sealed class ErrandOptions : ISectionOptions
{
    public static string Section => "MiniCode:Errands";

    /// <summary>Open authorisations (waiting or accepted, date not passed) one grantor may have at once.</summary>
    [Range(1, 1000)] public int MaxOpenPerGrantor { get; set; } = 10;
    /// <summary>Longest date range of one authorisation, in calendar days (first and last day included).</summary>
    [Range(1, 366)] public int MaxRangeDays { get; set; } = 30;
    /// <summary>How far ahead the first day may lie, in days from today.</summary>
    [Range(0, 366)] public int MaxDaysAhead { get; set; } = 90;
    /// <summary>Licences of the grantor one authorisation may show.</summary>
    [Range(0, 20)] public int MaxLicences { get; set; } = 5;
    /// <summary>Validity of a shown authorisation code, in seconds (never past the authorisation's last day).</summary>
    [Range(30, 3600)] public int CodeSeconds { get; set; } = 120;
    /// <summary>Module size of <c>code.png</c>.</summary>
    [Range(2, 40)] public int PngPixelsPerModule { get; set; } = 8;
    /// <summary>Authorisations ended by the <c>expire-authorisations</c> job in one run.</summary>
    [Range(1, 100_000)] public int ExpireBatchSize { get; set; } = 1000;

}
