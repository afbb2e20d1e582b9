namespace MiniCode.Features.Jobs;

/// <summary>
/// A scheduled job of a feature. It calls the feature's services (the same ones its endpoints use) and reports how
/// many items it handled; it holds no rules of its own. Resolved from a fresh DI scope for every run. Throwing marks
/// the run failed, and the scheduler retries it with backoff (<c>Jobs:Retry</c>).
/// </summary>
public interface IMiniCodeJob
{
    Task<JobResult> RunAsync(JobRunContext context, CancellationToken cancellationToken);
}

/// <summary>What a run did: how many items it processed (expired, purged, sent...).</summary>
public sealed record JobResult(int ItemsProcessed);

/// <summary>The run as the job sees it: its name and the instant it runs at (from the scheduler's clock).</summary>
public sealed record JobRunContext(string JobName, DateTimeOffset Now, int Attempt, string Cause);
