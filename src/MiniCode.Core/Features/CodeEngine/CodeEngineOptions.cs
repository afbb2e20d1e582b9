using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.CodeEngine;

/// <summary>Section <c>MiniCode:CodeEngine</c>: code numbers (码编号) and third-party code issuers.</summary>
public sealed class CodeEngineOptions : ISectionOptions
{
    public static string Section => "MiniCode:CodeEngine";

    /// <summary>Sequence values a node takes from the shared counter at once; unused ones are lost on restart (numbers
    /// are gap-tolerant, never duplicated).</summary>
    [Range(1, 10000)]
    public int SequenceBlockSize { get; set; } = 20;

    /// <summary>Numbering rules and third-party issuers are re-read at least this often (changes also signal every node).</summary>
    [Range(1, 60)]
    public int CacheSeconds { get; set; } = 30;

    /// <summary>Keys fetched from an issuer's JWKS URL are used at most this long after the last successful fetch;
    /// beyond it the issuer's codes answer 503 until the <c>refresh-issuer-keys</c> job fetches them again.</summary>
    [TimeSpanRange("00:01:00", "30.00:00:00")]
    public TimeSpan IssuerKeysStaleLimit { get; set; } = TimeSpan.FromHours(24);

    [Range(1, 120)]
    public int IssuerKeysFetchTimeoutSeconds { get; set; } = 10;

    /// <summary>Largest JWKS document accepted (inline or fetched).</summary>
    [Range(1024, 1_048_576)]
    public int MaxJwksBytes { get; set; } = 65_536;
}
