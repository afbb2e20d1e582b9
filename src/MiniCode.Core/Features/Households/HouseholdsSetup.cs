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
    /// <summary>
    /// Relatives, portraits and offline cards. Provides five extension points of other features (Replace, so the order
    /// of the Add calls does not matter): relatives' check-ins for posters, portrait references, offline-card
    /// revocations, the holders who get a relative's colour-change notices and the relatives exempt from the face check for the health codes.
    /// </summary>
    public static IHostApplicationBuilder AddHouseholds(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<RelativesOptions>();
        services.AddValidatedOptions<PortraitOptions>();
        services.AddValidatedOptions<OfflineCardOptions>();

        services.AddSingleton<RelativeLinks>();
        services.AddScoped<HouseholdAccess>();
        services.AddScoped<HouseholdCleanup>();
        services.AddScoped<IAccountDeletionParticipant>(sp => sp.GetRequiredService<HouseholdCleanup>());
        services.AddScoped<Identity.Consents.IConsentWithdrawalParticipant>(sp => sp.GetRequiredService<HouseholdCleanup>());
        services.AddScoped<RelativeService>();
        services.AddScoped<RelativeProofCheck>();
        services.Replace(ServiceDescriptor.Scoped<Posters.IRelativeAccess, HouseholdRelativeAccess>());
        services.Replace(ServiceDescriptor.Scoped<HealthCodes.Notices.INoticeWatchers, RelativeNoticeWatchers>());
        services.Replace(ServiceDescriptor.Scoped<HealthCodes.IFaceCheckExemption, RelativeFaceCheckExemption>());

        services.AddSingleton<IPortraitStore, FilePortraitStore>();
        // Extension point: the province's photo source replaces this default.
        services.TryAddSingleton<IAuthoritativePortraitSource>(sp => sp.GetRequiredService<IOptions<HostPartsOptions>>().Value.Simulator
            ? new SimulatorPortraitSource() : new UnconfiguredPortraitSource());
        services.AddSingleton<PortraitReferences>();
        services.AddRequiredSetting(PortraitReferences.KeySetting, "HMAC key (32 bytes base64) of short-lived portrait references for verifiers");
        services.AddScoped<PortraitService>();
        services.AddScoped<PortraitRetention>();
        services.AddMiniCodeJob<PurgePortraitsJob>("purge-portraits", "删除过期的人像采集次数记录和关闭超过期限的人像照片");
        services.AddSingleton<EnabledPortraits>();
        services.Replace(ServiceDescriptor.Scoped<IPortraitReferenceProvider, PortraitReferenceProvider>());

        services.AddSingleton<CardFileCache>();
        services.AddSingleton<RevokedOfflineCards>();
        services.AddScoped<OfflineCardService>();
        services.Replace(ServiceDescriptor.Scoped<ICodeRevocationList, OfflineCardRevocationCheck>());
        services.AddScoped<ICodeIssueSource, OfflineCardIssues>();
        services.AddMiniCodeJob<ExpireOfflineCardsJob>("expire-offline-cards", "使过期离线码失效并发布吊销");
        return builder;
    }

    public static IEndpointRouteBuilder MapHouseholds(this IEndpointRouteBuilder app)
    {
        var relatives = app.MapRelativesApi();
        app.MapPortraitsApi(relatives);
        app.MapOfflineCardsApi();
        return app;
    }
}
