using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Staff;

public static class StaffSetup
{
    /// <summary>Back-office accounts: their login rules, preferences and the first super-admin.</summary>
    public static IHostApplicationBuilder AddStaff(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AdminOptions>();
        services.AddScoped<StaffLogin>();
        services.AddScoped<StaffPreferences>();
        services.AddHostedService<StaffBootstrap>();
        services.AddRequiredSetting("Admin:BootstrapUser", "username of the first super-admin");
        services.AddRequiredSetting("Admin:BootstrapPassword", "password of the first super-admin (change it after the first login)");
        return builder;
    }
}
