using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Jobs;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Jobs;

/// <summary>定时任务: every registered job with its schedule, last and next run; "run now" fires it on the cluster.</summary>
[RequirePermission(Permissions.Jobs)]
public sealed class IndexModel(JobsService jobs, TimeProvider time) : AdminPageModel
{
    public IReadOnlyList<JobSummary> Jobs { get; private set; } = [];
    public bool SchedulerRunning => Jobs.Any(j => j.SchedulerRunning);

    public async Task OnGetAsync(CancellationToken ct) => Jobs = await jobs.ListAsync(ct);

    public async Task<IActionResult> OnPostRunAsync(string name, CancellationToken ct)
    {
        try
        {
            await jobs.RunNowAsync(name, Current.Actor, ct);
            Flash($"已触发任务 {name}，运行结果见运行记录");
        }
        catch (ApiException ex)
        {
            Flash(ex.Error.Message);
        }
        return Redirect("/admin/jobs");
    }

    public string Local(DateTimeOffset? at) => Format(time, at);

    /// <summary>A moment in the server's local time zone to the second, or a dash when there is none.</summary>
    public static string Format(TimeProvider time, DateTimeOffset? at) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string OutcomeLabel(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Running => "运行中",
        JobOutcome.Succeeded => "成功",
        _ => "失败",
    };
}
