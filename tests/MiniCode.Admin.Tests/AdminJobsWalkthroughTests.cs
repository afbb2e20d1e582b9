using Microsoft.Playwright;
using MiniCode.Features.Staff;
using MiniCode.Tests.Admin;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>The admin host with the scheduler part on, so "run now" can fire jobs.</summary>
public sealed class JobsAdminBrowser : AdminBrowser
{
    public JobsAdminBrowser() => Factory.With("MiniCode:Parts:Jobs", "true");
}

/// <summary>定时任务: the job list with schedules, "run now" and the run history.</summary>
public sealed class AdminJobsWalkthroughTests(JobsAdminBrowser browser) : IClassFixture<JobsAdminBrowser>
{
    [Fact]
    public async Task Job_list_shows_expire_sessions_and_run_now_records_a_run_in_its_history()
    {
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.GotoAsync("/admin/jobs");
        var row = page.Locator("tr[data-job=expire-sessions]");
        await Expect(row).ToContainTextAsync("删除已过期");
        await browser.ScreenshotAsync(page, "70-jobs");

        await row.Locator("button:text('立即运行')").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("已触发任务 expire-sessions");

        // The firing runs on the scheduler's own thread: reload the history until its run has ended (bounded).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var history = page.Locator("table tbody");
        while (true)
        {
            await page.GotoAsync("/admin/jobs/history?name=expire-sessions");
            var text = await history.InnerTextAsync();
            if (text.Contains("手动", StringComparison.Ordinal) && text.Contains("成功", StringComparison.Ordinal)) break;
            Assert.True(DateTime.UtcNow < deadline, "no successful manual run in the history: " + text);
            await Task.Delay(200);
        }
        await browser.ScreenshotAsync(page, "71-job-history");

        await page.GotoAsync("/admin/audit?action=job.run_now");
        await Expect(page.Locator("table")).ToContainTextAsync("expire-sessions");
    }

    [Fact]
    public async Task Jobs_page_and_run_now_need_the_jobs_permission()
    {
        var (user, password) = await AdminClient.StaffWithAsync(browser.Factory, Permissions.Statistics);
        var client = await browser.HttpClientAsync(user, password);
        Assert.Equal(403, (int)(await client.Http.GetAsync("/admin/jobs")).StatusCode);
        Assert.Equal(403, (int)(await client.Http.GetAsync("/admin/jobs/history?name=expire-sessions")).StatusCode);
        var runNow = await client.PostFormAsync("/admin/statistics", new() { ["name"] = "expire-sessions" }, "/admin/jobs?handler=Run");
        Assert.Equal(403, (int)runNow.StatusCode);
    }
}
