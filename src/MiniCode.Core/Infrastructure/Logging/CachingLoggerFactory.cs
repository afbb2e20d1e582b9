using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace MiniCode.Infrastructure.Logging;

/// <summary>
/// One logger per category, as Microsoft's own LoggerFactory keeps them. Serilog's factory builds a new logger (and its
/// event-id cache) on every <c>CreateLogger</c>, and ASP.NET Core calls it on every request: each authentication
/// handler and each <c>TypedResults</c> result asks for one. That was a fifth of a request's allocations.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner, bool ownsInner) : ILoggerFactory
{
    /// <summary>
    /// ASP.NET Core's hosting starts an <c>Activity</c> and opens a log scope for every request whenever this logger is
    /// enabled at any level, which a Serilog logger always is. Its own events are the Information/Debug request
    /// start and finish lines, which Serilog's request line replaces; when those levels are off for it (the default
    /// "Microsoft": Warning), it gets a disabled logger and requests go without the Activity and the scope. An
    /// OpenTelemetry listener on its ActivitySource still gets its activities.
    /// </summary>
    internal const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private readonly ConcurrentDictionary<string, ILogger> loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, static (name, factory) =>
    {
        var logger = factory.CreateLogger(name);
        return name == HostingDiagnostics && !logger.IsEnabled(LogLevel.Information) ? NullLogger.Instance : logger;
    }, inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        if (ownsInner) inner.Dispose();
    }

    /// <summary>Wraps the registered <see cref="ILoggerFactory"/> (however it was registered) in the cache.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("No ILoggerFactory is registered to cache.");
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => registered switch
        {
            { ImplementationInstance: ILoggerFactory instance } => new CachingLoggerFactory(instance, ownsInner: false),
            { ImplementationFactory: { } factory } => new CachingLoggerFactory((ILoggerFactory)factory(sp), ownsInner: true),
            _ => new CachingLoggerFactory((ILoggerFactory)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), ownsInner: true),
        }));
    }
}
