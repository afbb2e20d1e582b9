using System.Net;
using System.Text.RegularExpressions;
using MiniCode.Features.Staff;
using MiniCode.Tests.Jobs;

namespace MiniCode.Tests.Admin.Pages.Jobs;

/// <summary>
/// Hangfire's dashboard under /admin/hangfire: the admin login for the anonymous, 403 without the jobs permission,
/// read-only without <see cref="Permissions.JobsRun"/>, in Chinese; and the summary page's "run now" needs the same.
/// </summary>
public sealed class JobsDashboardTests(JobsDashboardTests.Host host) : IClassFixture<JobsDashboardTests.Host>
{
    public sealed class Host : IDisposable
    {
        public JobsTestHost Jobs { get; } = new JobsTestHost().Start();
        public void Dispose() => Jobs.Dispose();
    }

    [Fact]
    public async Task Without_a_login_the_dashboard_sends_to_the_admin_login()
    {
        var response = await AdminClient.For(host.Jobs).Http.GetAsync("/admin/hangfire/recurring");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_dashboard_has_the_admin_content_security_policy_and_no_inline_script()
    {
        var client = await AdminClient.LoggedInAsync(host.Jobs);
        foreach (var page in new[] { "/admin/hangfire", "/admin/hangfire/recurring", "/admin/hangfire/jobs/succeeded" })
        {
            var response = await client.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch(new Regex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex("\\son[a-z]+=\"", RegexOptions.IgnoreCase), html);
        }
    }

    [Fact]
    public async Task Staff_without_the_jobs_permission_get_403()
    {
        var (user, password) = await AdminClient.StaffWithAsync(host.Jobs, Permissions.Statistics);
        var client = await AdminClient.LoggedInAsync(host.Jobs, user, password);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/admin/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/admin/jobs")).StatusCode);
    }

    [Fact]
    public async Task Staff_with_the_jobs_permission_only_see_a_read_only_dashboard_and_cannot_run_now()
    {
        var (user, password) = await AdminClient.StaffWithAsync(host.Jobs, Permissions.Jobs);
        var client = await AdminClient.LoggedInAsync(host.Jobs, user, password);
        var recurring = await client.GetPageAsync("/admin/hangfire/recurring");
        Assert.Contains("expire-sessions", recurring);
        Assert.Contains("定期作业", recurring); // Hangfire's own Chinese UI
        Assert.DoesNotContain("recurring/trigger", recurring);
        var trigger = await client.Http.PostAsync("/admin/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "expire-sessions")]));
        Assert.NotEqual(HttpStatusCode.NoContent, trigger.StatusCode);
        Assert.DoesNotContain("立即运行", await client.GetPageAsync("/admin/jobs"));
        var runNow = await client.PostFormAsync("/admin/jobs", new() { ["name"] = "expire-sessions" }, "/admin/jobs?handler=Run");
        Assert.Equal(HttpStatusCode.Forbidden, runNow.StatusCode);
    }

    [Fact]
    public async Task Staff_who_may_run_jobs_see_the_trigger_and_the_summary_links_into_the_dashboard()
    {
        var (user, password) = await AdminClient.StaffWithAsync(host.Jobs, Permissions.Jobs, Permissions.JobsRun);
        var client = await AdminClient.LoggedInAsync(host.Jobs, user, password);
        Assert.Contains("recurring/trigger", await client.GetPageAsync("/admin/hangfire/recurring"));
        var summary = await client.GetPageAsync("/admin/jobs");
        Assert.Contains("href=\"/admin/hangfire\"", summary);
        Assert.Contains("立即运行", summary);
        Assert.Contains("删除已过期", summary); // the Chinese description the dashboard lacks
    }
}
