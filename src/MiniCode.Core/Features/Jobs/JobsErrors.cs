using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Jobs;

public static class JobsErrors
{
    public static readonly ErrorCode UnknownJob = new("jobs.unknown", 404, "没有该定时任务");
    public static readonly ErrorCode SchedulerNotRunning = new("jobs.scheduler_not_running", 503, "本节点未运行定时任务调度");
}
