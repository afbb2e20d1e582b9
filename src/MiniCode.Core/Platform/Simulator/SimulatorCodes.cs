namespace MiniCode.Platform.Simulator;

/// <summary>
/// The code conventions of the simulator (documented in the README). <c>sim:&lt;id&gt;</c> succeeds for that user;
/// the prefixes below trigger one documented platform error each; anything else is an invalid code.
/// </summary>
public static class SimulatorCodes
{
    public const string Success = "sim:";
    public const string Used = "sim-used:";        // WeChat 40163
    public const string RateLimited = "sim-limit:"; // WeChat 45011
    public const string Blocked = "sim-blocked:";   // WeChat 40226
    public const string Busy = "sim-busy:";         // WeChat -1, Alipay 20000 isp.unknow-error
    public const string BadSign = "sim-badsign:";   // Alipay: response with a wrong signature
    /// <summary><c>sim-slow:&lt;ms&gt;:&lt;id&gt;</c> answers like <c>sim:&lt;id&gt;</c> after a delay (client timeouts).</summary>
    public const string Slow = "sim-slow:";

    /// <summary>Splits <c>sim-slow:&lt;ms&gt;:&lt;rest&gt;</c>; other codes pass unchanged with no delay.</summary>
    public static (TimeSpan Delay, string Code) Delay(string code)
    {
        if (!code.StartsWith(Slow, StringComparison.Ordinal)) return (TimeSpan.Zero, code);
        var rest = code[Slow.Length..];
        var colon = rest.IndexOf(':');
        return colon > 0 && int.TryParse(rest[..colon], out var ms)
            ? (TimeSpan.FromMilliseconds(Math.Clamp(ms, 0, 60_000)), Success + rest[(colon + 1)..])
            : (TimeSpan.Zero, code);
    }
}
