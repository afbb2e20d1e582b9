using MiniCode.Features.Jobs;

namespace MiniCode.Features.Identity;

/// <summary>Scheduled as <c>expire-sms-codes</c>: the rules are in <see cref="SmsCodeService.ExpireAsync"/>.</summary>
public sealed class ExpireSmsCodesJob(SmsCodeService codes) : IMiniCodeJob
{
    public async Task<JobResult> RunAsync(JobRunContext context, CancellationToken cancellationToken) =>
        new(await codes.ExpireAsync(context.Now, cancellationToken));
}
