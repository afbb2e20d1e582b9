using Microsoft.Playwright;
using MiniCode.Features.Staff;
using MiniCode.Tests.Admin;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>The admin host with the scheduler part on, so "run now" can fire jobs.</summary>
public sealed class JobsAdminBrowser : AdminBrowser
{
    public JobsAdminBrowser()
    {
        Factory.With("MiniCode:Parts:Jobs", "true");
        Factory.With("Jobs:SchedulePollingInterval", "00:00:01");
        Factory.With("Jobs:QueuePollInterval", "00:00:00.200");
    }
}

/// <summary>定时任务: the summary with Chinese descriptions and "run now", and Hangfire's dashboard under /admin/hangfire.</summary>
public sealed class AdminJobsWalkthroughTests(JobsAdminBrowser browser) : IClassFixture<JobsAdminBrowser>
{
    [Fact]
    public async Task Summary_runs_a_job_now_and_the_dashboard_shows_the_recurring_jobs_and_triggers_one()
    {
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        await page.GotoAsync("/admin/jobs");
        var row = page.Locator("tr[data-job=expire-sessions]");
        await Expect(row).ToContainTextAsync("删除已过期");
        await browser.ScreenshotAsync(page, "70-jobs");

        await row.Locator("button:text('立即运行')").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("已触发任务 expire-sessions");
        // The run happens on the Hangfire server's worker: reload the summary until it shows the result (bounded).
        await ReloadUntilAsync(page, "/admin/jobs", "tr[data-job=expire-sessions]", "成功");
        await page.GotoAsync("/admin/audit?action=job.run_now");
        await Expect(page.Locator("table")).ToContainTextAsync("expire-sessions");

        // The dashboard, from the summary's link: the recurring jobs, in Chinese, with their descriptions.
        await page.GotoAsync("/admin/jobs");
        await page.Locator("#dashboard-link").ClickAsync();
        await page.GotoAsync("/admin/hangfire/recurring");
        var jobRow = page.Locator("tr", new() { HasText = "purge-check-ins" });
        await Expect(jobRow).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "71-jobs-dashboard");
        await jobRow.Locator("input.js-jobs-list-checkbox").CheckAsync();
        // The dashboard posts the command, then reloads itself: wait for both before leaving the page.
        var triggered = await page.RunAndWaitForResponseAsync(
            () => page.Locator("button.js-jobs-list-command[data-url$='/recurring/trigger']").ClickAsync(),
            r => r.Url.EndsWith("/recurring/trigger", StringComparison.Ordinal));
        Assert.True(triggered.Ok, $"trigger answered {triggered.Status}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ReloadUntilAsync(page, "/admin/jobs", "tr[data-job=purge-check-ins]", "成功");
        await browser.ScreenshotAsync(page, "72-jobs-after-trigger");
    }

    private static async Task ReloadUntilAsync(IPage page, string url, string selector, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await page.GotoAsync(url);
            }
            catch (PlaywrightException e) when (e.Message.Contains("ERR_ABORTED", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                continue; // the dashboard's own reload after a command interrupted this navigation: go again
            }
            var shown = await page.Locator(selector).InnerTextAsync();
            if (shown.Contains(text, StringComparison.Ordinal)) return;
            Assert.True(DateTime.UtcNow < deadline, $"{selector} never showed {text}: {shown}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_of_the_dashboard_land_on_the_admin_login()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/admin/hangfire");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/login", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }
}
