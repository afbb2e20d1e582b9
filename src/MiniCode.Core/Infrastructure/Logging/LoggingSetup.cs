using Serilog;
using Serilog.Events;

namespace MiniCode.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog behind Microsoft.Extensions.Logging (Serilog.AspNetCore is not on our feed): console plus a
    /// daily rolling file under <c>Logging:File:Path</c>; levels from the <c>Serilog</c> section.
    /// </summary>
    public static IHostApplicationBuilder AddLogging(this IHostApplicationBuilder builder)
    {
        // Drops the framework's default providers (console, debug, event source); no feature adds one of its own.
        builder.Logging.ClearProviders();
        // Built from the final configuration when the host is built, so test hosts and command-line settings apply.
        builder.Services.AddSingleton<ILoggerProvider>(sp =>
            new Serilog.Extensions.Logging.SerilogLoggerProvider(CreateLogger(sp.GetRequiredService<IConfiguration>()), dispose: true));
        return builder;
    }

    public static Serilog.ILogger CreateLogger(IConfiguration config)
    {
        var filePath = config["Logging:File:Path"] is { Length: > 0 } p ? p : "data/logs/minicode-.log";
        var logger = new LoggerConfiguration()
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
                outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}")
            .CreateLogger();
        return logger;
    }
}
