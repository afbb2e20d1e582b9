using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.Identity;
using MiniCode.Features.Identity.Consents;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.DigitalSpace;

public static class DigitalSpaceSetup
{
    /// <summary>数字空间 (一码通 §2.2.9): tag kinds, tags with their legal basis, objections, and what verify answers may show.</summary>
    public static IHostApplicationBuilder AddDigitalSpace(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<DigitalSpaceOptions>();
        services.AddScoped<TagAttachment>();
        services.AddScoped<TagImports>();
        services.AddScoped<TagRules>();
        services.AddScoped<TagRetention>();
        services.AddScoped<TagSpace>();
        services.AddScoped<ObjectionReview>();
        services.AddSingleton<TagKindCache>();
        // Fills the verify answer's tag extension point that health codes own (they TryAdd "no tags").
        services.Replace(ServiceDescriptor.Scoped<ICodeTagDisclosure, TagDisclosure>());
        services.AddScoped<TagCleanup>();
        services.AddScoped<IConsentWithdrawalParticipant>(sp => sp.GetRequiredService<TagCleanup>());
        services.AddScoped<IAccountDeletionParticipant>(sp => sp.GetRequiredService<TagCleanup>());
        services.AddMiniCodeJob<PurgeTagsJob>("purge-tags", "删除超过保存期限的数字空间标签、异议成立已删除的标签和标签导入的拒绝行");
        services.AddMiniCodeJob<ApplyTagRulesJob>("apply-tag-rules", "按规则为风险人员名单上的人员贴数字空间标签");
        return builder;
    }

    public static IEndpointRouteBuilder MapDigitalSpace(this IEndpointRouteBuilder app) => app.MapDigitalSpaceApi();
}
