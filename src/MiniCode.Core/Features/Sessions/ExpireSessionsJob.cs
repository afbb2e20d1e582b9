using MiniCode.Features.Jobs;

namespace MiniCode.Features.Sessions;

/// <summary>
/// Scheduled as <c>expire-sessions</c>: removes sessions that have ended (the rules are in <see cref="SessionService"/>)
/// and login-failure counts untouched for a day (every block is over by then).
/// </summary>
public sealed class ExpireSessionsJob(SessionService sessions, Infrastructure.Security.LoginThrottle throttle, TimeProvider time) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) =>
        new(await sessions.DeleteEndedAsync(cancellationToken) + await throttle.PurgeAsync(time.GetUtcNow() - TimeSpan.FromDays(1), cancellationToken));
}
