namespace MiniCode.Infrastructure.Hosting;

/// <summary>
/// Section <c>MiniCode:Parts</c>: which parts this process serves, so production can run a public BFF
/// and an internal admin (and the jobs) as separate deployments of the same host.
/// </summary>
public sealed class HostPartsOptions : ISectionOptions
{
    public static string Section => "MiniCode:Parts";

    /// <summary>The mini-program JSON API under <c>/api</c>.</summary>
    public bool Bff { get; set; } = true;
    /// <summary>The Razor Pages admin under <c>/admin</c>.</summary>
    public bool Admin { get; set; } = true;
    /// <summary>The Hangfire server that runs the scheduled jobs.</summary>
    public bool Jobs { get; set; } = true;
    /// <summary>The WeChat / Alipay / SMS platform simulator under <c>/simulator</c>. Never on in production.</summary>
    public bool Simulator { get; set; }
}
