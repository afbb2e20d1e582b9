using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Infrastructure.Cluster;

/// <summary>
/// Section <c>MiniCode:Caches</c>: the in-process caches of the hot paths (sessions, show-code/verify statuses). Every
/// write drops the entries it concerns on every node at once (cluster signals), and nothing is served while the
/// signal listener is down; the lifetimes only bound how stale an entry can get if a publication itself fails (logged
/// as an error). Shorter lifetimes turn a citizen's once-a-minute code refresh into database reads again.
/// </summary>
public sealed class CacheOptions : ISectionOptions
{
    public static string Section => "MiniCode:Caches";

    /// <summary>Longest life of a cached session (token hash → account, person, expiry, status), seconds.</summary>
    [Range(1, 3600)] public int SessionSeconds { get; set; } = 300;

    /// <summary>Longest life of a cached status (what show-code and verify read about a person), seconds.</summary>
    [Range(1, 3600)] public int StatusSeconds { get; set; } = 300;

    /// <summary>Entries kept per cache; past it, expired ones are swept and new ones are not stored (about 0.5 KB each).</summary>
    [Range(1, 50_000_000)] public int MaxEntries { get; set; } = 1_000_000;
}
