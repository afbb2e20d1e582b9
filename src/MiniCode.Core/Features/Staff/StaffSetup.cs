using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Staff;

public static class StaffSetup
{
    public static IServiceCollection AddStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMiniCodePasswordHashing(configuration);
        services.AddScoped<StaffLogin>();
        services.AddScoped<StaffPreferences>();
        services.AddHostedService<StaffBootstrap>();
        services.AddRequiredSetting("Admin:BootstrapUser", "username of the first super-admin");
        services.AddRequiredSetting("Admin:BootstrapPassword", "password of the first super-admin (change it after the first login)");
        return services;
    }
}
