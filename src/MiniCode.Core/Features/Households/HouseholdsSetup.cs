using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Features.Households.OfflineCards;
using MiniCode.Features.Households.Portraits;
using MiniCode.Features.Households.Relatives;
using MiniCode.Features.Identity;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Households;

public static class HouseholdsSetup
{
    /// <summary>Relatives, portraits and offline cards. Call after <c>AddHealthCodes</c> (it replaces two of its extension points).</summary>
    public static IServiceCollection AddHouseholds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RelativesOptions>().Bind(configuration.GetSection(RelativesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PortraitOptions>().Bind(configuration.GetSection(PortraitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OfflineCardOptions>().Bind(configuration.GetSection(OfflineCardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddScoped<HouseholdAccess>();
        services.AddScoped<HouseholdCleanup>();
        services.AddScoped<IAccountDeletionParticipant>(sp => sp.GetRequiredService<HouseholdCleanup>());
        services.AddScoped<RelativeService>();
        // Replaces the posters feature's "oneself only" default, whichever of the two is registered first.
        services.Replace(ServiceDescriptor.Scoped<MiniCode.Features.Posters.IRelativeAccess, HouseholdRelativeAccess>());

        services.AddSingleton<IPortraitStore, FilePortraitStore>();
        services.AddSingleton<IAuthoritativePortraitSource>(_ => HostPartsOptions.From(configuration).Simulator
            ? new SimulatorPortraitSource() : new UnconfiguredPortraitSource());
        services.AddSingleton<PortraitReferences>();
        services.AddRequiredSetting(PortraitReferences.KeySetting, "HMAC key (32 bytes base64) of short-lived portrait references for verifiers");
        services.AddScoped<PortraitService>();
        services.AddScoped<PortraitRetention>();
        services.AddMiniCodeJob<PurgePortraitsJob>("purge-portraits", "删除过期的人像采集次数记录和关闭超过期限的人像照片");
        services.RemoveAll<IPortraitReferenceProvider>();
        services.AddScoped<IPortraitReferenceProvider, PortraitReferenceProvider>();

        services.AddSingleton<CardFileCache>();
        services.AddScoped<OfflineCardService>();
        services.RemoveAll<ICodeRevocationList>();
        services.AddScoped<ICodeRevocationList, OfflineCardRevocationCheck>();
        services.AddScoped<ICodeIssueSource, OfflineCardIssues>();
        services.AddMiniCodeJob<ExpireOfflineCardsJob>("expire-offline-cards", "使过期离线码失效并发布吊销");
        return services;
    }

    public static IEndpointRouteBuilder MapHouseholdsApi(this IEndpointRouteBuilder app)
    {
        var relatives = app.MapRelativesApi();
        app.MapPortraitsApi(relatives);
        app.MapOfflineCardsApi();
        return app;
    }
}
