using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MiniCode.Infrastructure.Hosting;

/// <summary>
/// Section <c>MiniCode:ForwardedHeaders</c>: behind a reverse proxy the client address is taken from
/// <c>X-Forwarded-For</c> (and the scheme from <c>X-Forwarded-Proto</c>), but only when the request comes from a listed
/// proxy address or network, so clients cannot forge their address. Off while both lists are empty (the default).
/// </summary>
public sealed class ForwardedHeadersSettings : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public const string Section = "MiniCode:ForwardedHeaders";

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

public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddMiniCodeForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForwardedHeadersSettings>().Bind(configuration.GetSection(ForwardedHeadersSettings.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((o, settings) =>
        {
            var s = settings.Value;
            // Only the configured proxies count (the framework's default trusts loopback).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            if (!s.Enabled) { o.ForwardedHeaders = ForwardedHeaders.None; return; }
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = s.ForwardLimit;
            foreach (var p in s.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in s.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });
        return services;
    }
}
