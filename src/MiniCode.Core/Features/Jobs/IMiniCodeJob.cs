namespace MiniCode.Features.Jobs;

/// <summary>
/// A scheduled job of a feature: a plain class resolved from DI (a fresh scope for every run) that calls the feature's
/// services, the same ones its endpoints use, and holds no rules of its own. It takes the time from
/// <see cref="TimeProvider"/>. Throwing marks the run failed; Hangfire retries it (<c>Jobs:Retry</c>).
/// </summary>
public interface IMiniCodeJob
{
    Task<JobResult> ExecuteAsync(CancellationToken cancellationToken);
}

/// <summary>What a run did: how many items it processed (expired, purged, sent...). Hangfire keeps it as the run's result.</summary>
public sealed record JobResult(int ItemsProcessed);
