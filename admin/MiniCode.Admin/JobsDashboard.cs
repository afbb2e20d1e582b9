using System.Globalization;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Admin.Security;
using MiniCode.Features.Jobs;
using MiniCode.Features.Staff;

namespace MiniCode.Admin;

/// <summary>
/// Hangfire's dashboard under <c>/admin/hangfire</c>, behind the admin cookie: without a login the admin login page
/// (a challenge), without <see cref="Permissions.Jobs"/> 403; read-only unless the staff member has
/// <see cref="Permissions.JobsRun"/>. Shown in Chinese, jobs named with their Chinese description.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/admin/hangfire";
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        var registry = app.ServiceProvider.GetRequiredService<JobRegistry>();
        app.MapHangfireDashboardWithAuthorizationPolicy(AdminAuth.PermissionPrefix + Permissions.Jobs, Path, new DashboardOptions
        {
            AppPath = "/admin/jobs",
            DashboardTitle = "MiniCode 定时任务",
            DisplayStorageConnectionString = false,
            IsReadOnlyFunc = context => !context.GetHttpContext().RequestServices.GetRequiredService<CurrentStaff>().Has(Permissions.JobsRun),
            DisplayNameFunc = (_, job) => job.Args is [string name, ..] && registry.Find(name) is { } r ? $"{r.Name}：{r.Description}" : job.ToString(),
        }).Add(endpoint =>
        {
            // Hangfire's pages take their language from the request's UI culture.
            var dashboard = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Chinese;
                return dashboard(context);
            };
        });
        return app;
    }
}
