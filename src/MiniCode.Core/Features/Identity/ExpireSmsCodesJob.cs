using MiniCode.Features.Jobs;

namespace MiniCode.Features.Identity;

/// <summary>Scheduled as <c>expire-sms-codes</c>: the rules are in <see cref="SmsCodeService.ExpireAsync"/>.</summary>
public sealed class ExpireSmsCodesJob(SmsCodeService codes, TimeProvider time) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) =>
        new(await codes.ExpireAsync(time.GetUtcNow(), cancellationToken));
}
