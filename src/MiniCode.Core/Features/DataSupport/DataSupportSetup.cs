using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.DataSupport;

public static class DataSupportSetup
{
    /// <summary>数据支撑管理: registered data interfaces with their health probes, and the data-need catalogue pulled by priority.</summary>
    public static IHostApplicationBuilder AddDataSupport(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<DataSupportOptions>();
        services.AddScoped<DataInterfaceProber>();
        services.AddScoped<DataNeedPuller>();
        services.AddHttpClient(DataInterfaceProber.HttpClientName);
        services.AddMiniCodeJob<ProbeDataInterfacesJob>("probe-data-interfaces", "探测已注册数据接口的可用性并记录");
        services.AddMiniCodeJob<PullDataNeedsJob>("pull-data-needs", "按调度优先级拉取数据需求目录挂接的数据接口（可导入健康数据）");
        return builder;
    }
}
