using MiniCode.Features.Jobs;

namespace MiniCode.Features.Checkpoints;

public static class CheckpointsSetup
{
    public static IServiceCollection AddCheckpoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckpointOptions>().Bind(configuration.GetSection(CheckpointOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.MinTemperatureCelsius < o.MaxTemperatureCelsius, "MinTemperatureCelsius must be below MaxTemperatureCelsius").ValidateOnStart();
        services.AddScoped<ScannerDirectory>();
        services.AddScoped<ScannerAccountService>();
        services.AddScoped<ScanService>();
        services.AddScoped<AssistedRegistration>();
        services.AddScoped<InspectionRecords>();
        services.AddScoped<SiteManagement>();
        services.AddScoped<LineActions>();
        services.AddScoped<ScannerManagement>();
        services.AddMiniCodeJob<PurgeScanRecordsJob>("purge-scan-records", "删除超过保存期限（默认28天）的扫码排查记录");
        return services;
    }
}
