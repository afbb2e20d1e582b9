using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Demo;

/// <summary>
/// The demo province (<c>scripts/run.sh --demo</c>): a clearly fake province filled into an empty embedded database once,
/// so every admin page shows something on first run. Development only; any other environment refuses to start with it.
/// </summary>
public sealed class DemoOptions : ISectionOptions
{
    public static string Section => "Demo";

    /// <summary>Fill the database with the demo province at start, once (a second start finds it and does nothing).</summary>
    public bool Seed { get; set; }

    /// <summary>How many real-named citizens the demo creates (besides their relatives).</summary>
    [Range(50, 20000)] public int Citizens { get; set; } = 2000;

    /// <summary>How many past days of statistics the demo fills in.</summary>
    [Range(1, 60)] public int StatisticsDays { get; set; } = 7;

    /// <summary>The password of every demo staff member and scanner (printed in the log; Development only).</summary>
    [Required, MinLength(8)] public string Password { get; set; } = "Demo@123456";
}
