using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Jobs;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Jobs;

/// <summary>
/// 定时任务: what Hangfire's dashboard lacks — every job with its Chinese description, schedule, next run and the last
/// run's outcome and item count — linking into the dashboard (<c>/admin/hangfire</c>) for history, retries and details.
/// "Run now" needs <see cref="Permissions.JobsRun"/>.
/// </summary>
[RequirePermission(Permissions.Jobs)]
public sealed class IndexModel(JobsService jobs) : AdminPageModel
{
    public const string Dashboard = "/admin/hangfire";

    public IReadOnlyList<JobSummary> Jobs { get; private set; } = [];
    public bool ServerRunning { get; private set; }
    public bool MayRun { get; private set; }

    public void OnGet()
    {
        Jobs = jobs.List();
        ServerRunning = jobs.ServerRunning();
        MayRun = Current.Has(Permissions.JobsRun);
    }

    public async Task<IActionResult> OnPostRunAsync(string name, CancellationToken ct)
    {
        if (!Current.Has(Permissions.JobsRun)) return Forbid();
        try
        {
            await jobs.RunNowAsync(name, Current.Actor, ct);
            Flash($"已触发任务 {name}，运行结果见任务面板");
        }
        catch (ApiException ex)
        {
            Flash(ex.Error.Message);
        }
        return Redirect("/admin/jobs");
    }

    public string Local(DateTimeOffset? at) =>
        at is { } t ? Calendar.Format(t, "yyyy-MM-dd HH:mm:ss") : "—";

    public static string StateLabel(JobLastRun run) => run.State switch
    {
        "Succeeded" => "成功",
        "Failed" => "失败",
        "Processing" => "运行中",
        "Scheduled" => "等待重试",
        "Enqueued" => "排队中",
        "Deleted" => "已删除",
        _ => run.State,
    };
}
