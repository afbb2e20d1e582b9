using Hangfire;
using Hangfire.Common;

namespace MiniCode.Features.Jobs;

/// <summary>
/// The filters of this host's Hangfire client and server, instead of Hangfire's process-wide <c>GlobalJobFilters</c>
/// (test hosts with other settings share one process): the attributes on job methods, the dashboard's statistics, and
/// automatic retries with the configured attempts and growing waits. A run that fails for good stays failed.
/// </summary>
public sealed class JobFilters : IJobFilterProvider
{
    private readonly JobFilterAttributeFilterProvider _attributes = new();
    private readonly JobFilter[] _global;

    public JobFilters(IOptions<JobsOptions> options)
    {
        var retry = options.Value.Retry;
        _global =
        [
            new JobFilter(new StatisticsHistoryAttribute(), JobFilterScope.Global, null),
            new JobFilter(new AutomaticRetryAttribute
            {
                Attempts = retry.Attempts,
                DelaysInSeconds = Enumerable.Range(1, Math.Max(1, retry.Attempts)).Select(retry.DelaySeconds).ToArray(),
                OnAttemptsExceeded = AttemptsExceededAction.Fail,
            }, JobFilterScope.Global, null),
        ];
    }

    public IEnumerable<JobFilter> GetFilters(Job job) => _global.Concat(_attributes.GetFilters(job));
}
