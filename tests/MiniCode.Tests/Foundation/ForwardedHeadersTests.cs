using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Foundation;

/// <summary>Behind a configured reverse proxy the SMS per-IP limit counts the X-Forwarded-For client, not the proxy.</summary>
public sealed class ForwardedHeadersTests
{
    private const string ProxyAddress = "10.0.0.5";

    /// <summary>Every request arrives from <see cref="ProxyAddress"/>, as it would behind a reverse proxy.</summary>
    private sealed class BehindProxy : MiniCodeFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, FromProxy>());
        }

        private sealed class FromProxy : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((http, nextMiddleware) =>
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(ProxyAddress);
                    return nextMiddleware(http);
                });
                next(app);
            };
        }
    }

    [Fact]
    public async Task With_a_known_proxy_the_forwarded_client_address_is_limited_per_ip()
    {
        using var factory = new BehindProxy().With("MiniCode:ForwardedHeaders:KnownProxies:0", ProxyAddress).With("Identity:Sms:PerIpLimit", "2");
        await HttpAssert.Ok(await SendAsync(factory, "13800138201", "203.0.113.7"));
        await HttpAssert.Ok(await SendAsync(factory, "13800138202", "203.0.113.7"));
        await HttpAssert.Problem(await SendAsync(factory, "13800138203", "203.0.113.7"), HttpStatusCode.TooManyRequests, "sms.ip_limit");
        await HttpAssert.Ok(await SendAsync(factory, "13800138204", "203.0.113.8")); // another client behind the same proxy
    }

    [Fact]
    public async Task Without_configuration_forwarded_headers_are_ignored()
    {
        using var factory = new BehindProxy().With("Identity:Sms:PerIpLimit", "2");
        await HttpAssert.Ok(await SendAsync(factory, "13800138301", "203.0.113.7"));
        await HttpAssert.Ok(await SendAsync(factory, "13800138302", "203.0.113.8"));
        // Forged addresses do not escape the limit: all came from the proxy's address.
        await HttpAssert.Problem(await SendAsync(factory, "13800138303", "203.0.113.9"), HttpStatusCode.TooManyRequests, "sms.ip_limit");
    }

    private static Task<HttpResponseMessage> SendAsync(MiniCodeFactory factory, string phone, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/codes") { Content = JsonContent.Create(new { phone, purpose = "login" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return factory.CreateClient().SendAsync(request);
    }
}
