using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Features.Jobs;

namespace MiniCode.Features.HealthCodes.Scheduled;

/// <summary><c>recompute-due-colours</c>: see <see cref="HealthStatusService.RecomputeDueAsync"/>.</summary>
public sealed class RecomputeDueColorsJob(HealthStatusService statuses, IOptions<HealthCodeJobOptions> options, TimeProvider time) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) =>
        new(await statuses.RecomputeDueAsync(time.GetUtcNow(), options.Value.RecomputeBatchSize, cancellationToken));
}

/// <summary><c>rollup-statistics</c>: yesterday's and today's statistics (UTC days), see <see cref="CodeStatisticsService"/>.</summary>
public sealed class RollupStatisticsJob(CodeStatisticsService statistics, TimeProvider time) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new(await statistics.RollUpAsync(today.AddDays(-1), cancellationToken) + await statistics.RollUpAsync(today, cancellationToken));
    }
}

/// <summary><c>send-reminders</c>: see <see cref="ReminderService"/>.</summary>
public sealed class SendRemindersJob(ReminderService reminders, TimeProvider time) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) =>
        new(await reminders.SendDeclarationRemindersAsync(time.GetUtcNow(), cancellationToken));
}
