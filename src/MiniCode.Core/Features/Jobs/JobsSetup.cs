using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// Hangfire on this host: its storage (registered before <c>AddHangfire</c>, whose own registrations only fill gaps),
    /// this host's filters, the server that runs when <c>MiniCode:Parts:Jobs</c> is on, and the jobs summary service.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<JobsOptions>();
        services.TryAddSingleton<JobRegistry>();
        services.TryAddSingleton<MiniCodeJobStorage>();
        services.TryAddSingleton<JobStorage>(sp => sp.GetRequiredService<MiniCodeJobStorage>());
        services.TryAddSingleton<JobFilters>();
        services.TryAddSingleton<IJobFilterProvider>(sp => sp.GetRequiredService<JobFilters>());
        services.AddHangfire((sp, c) => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogging(sp.GetRequiredService<ILoggerFactory>())));
        services.TryAddScoped<JobRunner>();
        services.TryAddSingleton<JobServer>();
        services.AddHostedService(sp => sp.GetRequiredService<JobServer>());
        services.AddScoped<JobsService>();
        return builder;
    }

    /// <summary>
    /// Registers a feature's job under <paramref name="name"/> (lower-case, digits and dashes). Its schedule is read from
    /// <c>Jobs:Schedules:&lt;name&gt;:Cron</c>; without one it runs only when started by hand.
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
