using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Checkpoints;

public static class CheckpointsSetup
{
    /// <summary>Scanner accounts and sites, scans with temperatures, assisted registration and inspection records.</summary>
    public static IHostApplicationBuilder AddCheckpoints(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<CheckpointOptions>();
        services.AddScoped<ScannerDirectory>();
        services.AddScoped<SiteTree>();
        services.AddScoped<ScannerAccountService>();
        services.AddScoped<ScannerPasswordReset>();
        services.AddScoped<ScanService>();
        services.AddScoped<AssistedRegistration>();
        services.AddScoped<InspectionRecords>();
        services.AddScoped<ScannerVisibility>();
        services.AddScoped<SiteManagement>();
        services.AddScoped<LineActions>();
        services.AddScoped<ScannerManagement>();
        services.AddScoped<ScannerAdministration>();
        services.AddMiniCodeJob<PurgeScanRecordsJob>("purge-scan-records", "删除超过保存期限（默认28天）的扫码排查记录");
        return builder;
    }

    public static IEndpointRouteBuilder MapCheckpoints(this IEndpointRouteBuilder app) => app.MapCheckpointsApi();
}
