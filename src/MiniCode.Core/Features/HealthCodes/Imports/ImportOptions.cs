using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>Section <c>MiniCode:HealthCodes:Imports</c>.</summary>
public sealed class ImportOptions : ISectionOptions
{
    public static string Section => "MiniCode:HealthCodes:Imports";

    /// <summary>Rows written per database round trip; memory use stays flat whatever the file size.</summary>
    [Range(10, 100_000)]
    public int BatchSize { get; set; } = 2000;

    /// <summary>Largest upload (a 1,000,000-row file is roughly 100 MB).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Longest CSV record (characters, line breaks inside quotes included). A longer one — such as an unterminated
    /// quoted field pulling in the rest of the file — is rejected and reading stops there, so memory stays bounded.
    /// </summary>
    [Range(256, 10 * 1024 * 1024)]
    public int MaxRecordChars { get; set; } = CsvRowReader.DefaultMaxRecordChars;

    /// <summary>
    /// Days the rejected rows of an import are kept for its report (masked), counted from the import's start; the job
    /// <c>purge-import-rejections</c> deletes older ones (the counts stay).
    /// </summary>
    [Range(1, 3650)]
    public int RejectedRowsRetentionDays { get; set; } = 30;

    /// <summary>Rejected rows kept per import for the report (the count is always exact).</summary>
    [Range(1, 10_000_000)]
    public int MaxStoredRejections { get; set; } = 100_000;
}
