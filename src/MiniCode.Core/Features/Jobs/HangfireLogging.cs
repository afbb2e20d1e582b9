using Hangfire.Logging;

namespace MiniCode.Features.Jobs;

/// <summary>
/// Hangfire logs through one process-wide provider, set by every host that configures it. This one forwards to the
/// host's <see cref="ILoggerFactory"/> and drops a message once that host is gone, so a process that starts and stops
/// several hosts (the tests) never fails on a disposed logger factory of an earlier one.
/// </summary>
internal sealed class HangfireLogging(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name) => new HostLog(factory, name);

    private sealed class HostLog(ILoggerFactory factory, string name) : ILog
    {
        private Microsoft.Extensions.Logging.ILogger? _logger;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                _logger ??= factory.CreateLogger(name);
                var level = (Microsoft.Extensions.Logging.LogLevel)(int)logLevel;
                if (messageFunc is null) return _logger.IsEnabled(level);
                if (!_logger.IsEnabled(level)) return false;
#pragma warning disable CA2254 // Hangfire hands over finished messages
                _logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
