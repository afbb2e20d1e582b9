using MiniCode.Features.Jobs;

namespace MiniCode.Features.Sessions;

/// <summary>Scheduled as <c>expire-sessions</c>: removes sessions that have ended (the rules are in <see cref="SessionService"/>).</summary>
public sealed class ExpireSessionsJob(SessionService sessions) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) =>
        new(await sessions.DeleteEndedAsync(cancellationToken));
}
