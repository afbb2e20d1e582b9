using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Jobs;

public static class JobsSetup
{
    /// <summary>The scheduler, its options, run history and the jobs service. Runs only when <c>MiniCode:Parts:Jobs</c> is on.</summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<JobsOptions>();
        services.AddSingleton<JobRegistry>();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        services.AddScoped<JobsService>();
        services.AddMiniCodeJob<PurgeJobHistoryJob>("purge-job-history", "删除超过保留期的定时任务运行记录");
        return builder;
    }

    /// <summary>
    /// Registers a feature's job under <paramref name="name"/> (lower-case, digits and dashes). Its schedule is read from
    /// <c>Jobs:Schedules:&lt;name&gt;</c> (<c>Cron</c> or <c>Interval</c>); without one it runs only on "run now".
    /// Call it from the feature's <c>AddXxx</c>, before or after <see cref="AddJobs"/>: the registry collects every
    /// registration when it is first resolved.
    /// </summary>
    public static IServiceCollection AddMiniCodeJob<TJob>(this IServiceCollection services, string name, string description)
        where TJob : class, IMiniCodeJob
    {
        if (!JobRegistration.IsValidName(name))
            throw new ArgumentException($"Job name '{name}' must be lower-case letters, digits and dashes.", nameof(name));
        services.TryAddScoped<TJob>();
        services.AddSingleton(new JobRegistration(name, description, typeof(TJob)));
        return services;
    }
}
