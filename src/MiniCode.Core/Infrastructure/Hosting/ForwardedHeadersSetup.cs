using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MiniCode.Infrastructure.Hosting;

internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddForwardedHeadersSettings(this IServiceCollection services)
    {
        services.AddValidatedOptions<ForwardedHeadersSettings>();
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
