using System.Net;

namespace MiniCode.Infrastructure.Hosting;

/// <summary>
/// Section <c>MiniCode:ForwardedHeaders</c>: behind a reverse proxy the client address is taken from
/// <c>X-Forwarded-For</c> (and the scheme from <c>X-Forwarded-Proto</c>), but only when the request comes from a listed
/// proxy address or network, so clients cannot forge their address. Off while both lists are empty (the default).
/// </summary>
public sealed class ForwardedHeadersSettings : System.ComponentModel.DataAnnotations.IValidatableObject, ISectionOptions
{
    public static string Section => "MiniCode:ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
    /// <summary>How many proxies in a chain are trusted (entries taken from the right of X-Forwarded-For).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10)] public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext context)
    {
        foreach (var p in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new($"{Section}:KnownProxies: '{p}' is not an IP address.");
        foreach (var n in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            yield return new($"{Section}:KnownNetworks: '{n}' is not a CIDR network.");
    }
}
