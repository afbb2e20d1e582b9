using Serilog;
using Serilog.Events;

namespace MiniCode.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>The request line: path only (never the query string), status and elapsed milliseconds.</summary>
    public const string RequestLineTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";

    /// <summary>
    /// Serilog (Serilog.AspNetCore) as the only logging provider: console plus a daily rolling file under
    /// <c>Logging:File:Path</c>; levels from the <c>Serilog</c> section; the redacting enricher before every sink.
    /// </summary>
    public static IHostApplicationBuilder AddLogging(this IHostApplicationBuilder builder)
    {
        // Drops the framework's default providers (console, debug, event source); no feature adds one of its own.
        builder.Logging.ClearProviders();
        // The logger is built when the container first needs it, from the final configuration, so test hosts and
        // command-line settings (Logging:File:Path, Serilog:*) apply. preserveStaticLogger: each host owns and disposes
        // (flushes) its own logger and leaves Serilog's static Log.Logger alone — test hosts run side by side.
        builder.Services.AddSerilog((services, lc) => Configure(lc, services.GetRequiredService<IConfiguration>()),
            preserveStaticLogger: true);
        CachingLoggerFactory.Decorate(builder.Services);
        return builder;
    }

    /// <summary>Request id first, then Serilog's request line (one per request, written when the response is done).</summary>
    public static IApplicationBuilder UseMiniCodeRequestLogging(this IApplicationBuilder app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseSerilogRequestLogging(o =>
        {
            // The host's logger, not the static Log.Logger the middleware would fall back to.
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = RequestLineTemplate;
            o.IncludeQueryInRequestPath = false;
            // The request line is written to Serilog directly, so it gets the id here (ILogger<T> events get it from the scope).
            o.EnrichDiagnosticContext = static (diagnostics, http) => diagnostics.Set(RequestIdMiddleware.Property, http.TraceIdentifier);
        });
        return app;
    }

    public static LoggerConfiguration Configure(LoggerConfiguration lc, IConfiguration config)
    {
        var filePath = config["Logging:File:Path"] is { Length: > 0 } p ? p : "data/logs/minicode-.log";
        return lc
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Hangfire", LogEventLevel.Warning)
            .ReadFrom.Configuration(config)
            .Enrich.FromLogContext()
            .Enrich.With<RedactingEnricher>()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
            .WriteTo.File(filePath, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, shared: true,
                outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}");
    }
}
