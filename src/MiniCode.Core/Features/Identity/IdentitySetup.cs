using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Platform.Simulator;

namespace MiniCode.Features.Identity;

public static class IdentitySetup
{
    /// <summary>Logins, SMS codes, real name, face checks and account deletion of citizens.</summary>
    public static IHostApplicationBuilder AddIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<IdentityOptions>();
        services.AddScoped<SmsCodeService>();
        services.AddScoped<AccountDirectory>();
        services.AddScoped<AccountLogins>();
        services.AddScoped<IAccountDeletionParticipant, WeChatOpenIdCleanup>();
        services.AddScoped<RealNameService>();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<FaceCheckService>();
        services.AddMiniCodeJob<ExpireSmsCodesJob>("expire-sms-codes", "清除过期或已用的短信验证码，并重置发送频率窗口");
        // Extension point: a certified face-verification provider replaces this default (Replace, in any order).
        services.TryAddSingleton<IFaceVerifier>(sp => sp.GetRequiredService<IOptions<HostPartsOptions>>().Value.Simulator
            ? new SimulatorFaceVerifier() : new UnconfiguredFaceVerifier());
        // Provides the health codes' extension point (they fall back to "no verifications").
        services.Replace(ServiceDescriptor.Singleton<HealthCodes.IFaceVerificationHistory, StoredFaceVerificationHistory>());
        services.AddSingleton<PasswordPolicy>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app) => app.MapAuthApi().MapMeApi();
}
