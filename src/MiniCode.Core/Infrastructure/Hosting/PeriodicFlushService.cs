namespace MiniCode.Infrastructure.Hosting;

/// <summary>
/// Writes an in-memory batch that hot paths fill (usage counters, session last-seen times) every
/// <see cref="Interval"/> and once more on shutdown, so requests never write and nothing counted is lost on a clean stop.
/// </summary>
public abstract class PeriodicFlushService : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>Writes what is pending; must not throw for a failed write (keep the batch and log instead).</summary>
    public abstract Task FlushAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(CancellationToken.None);
        }
        catch (OperationCanceledException) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }
}
