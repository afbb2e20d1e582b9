using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Features.Identity.Consents;
using MiniCode.Features.Identity.Face;
using MiniCode.Platform.TencentCloud;

namespace MiniCode.Features.Identity;

public static class IdentitySetup
{
    /// <summary>Logins, SMS codes, real name, face checks and account deletion of citizens.</summary>
    public static IHostApplicationBuilder AddIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<IdentityOptions>()
            // Unset means the simulator while its part is on: outside Development and Testing neither may take sim: tokens.
            .Validate<IHostEnvironment, IOptions<HostPartsOptions>>((o, env, parts) =>
                    !(o.Face.Provider == FaceProvider.Simulator || (o.Face.Provider is null && parts.Value.Simulator)) || env.AllowsDevelopmentDefaults(),
                FaceRules.ProviderSetting + " must be WeChat, Alipay or TencentCloud outside Development and Testing (the simulator and its sim: tokens are refused)")
            .Validate(o => o.Face.Provider != FaceProvider.TencentCloud || o.Face.TencentCloud is { SecretId.Length: > 0, SecretKey.Length: > 0, RuleId.Length: > 0 },
                "Identity:Face:TencentCloud:SecretId, SecretKey and RuleId are required when " + FaceRules.ProviderSetting + " is TencentCloud");
        services.AddRequiredSetting(FaceRules.ProviderSetting, "the face verification provider: WeChat, Alipay or TencentCloud");
        services.AddScoped<SmsCodeService>();
        services.AddScoped<AccountDirectory>();
        services.AddScoped<AccountLogins>();
        services.AddScoped<IAccountDeletionParticipant, WeChatOpenIdCleanup>();
        services.AddScoped<RealNameService>();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<FaceCheckService>();
        services.AddScoped<ConsentService>();
        services.AddScoped<FaceVerificationService>();
        services.AddScoped<IAccountDeletionParticipant, FaceSessionDeletion>();
        services.AddTransient<WeChatFaceVerifier>();
        services.AddTransient<AlipayFaceVerifier>();
        services.AddTransient<TencentFaceVerifier>();
        services.AddHttpClient<TencentFaceIdClient>(TencentFaceIdClient.HttpClientName, (sp, c) =>
        {
            var o = sp.GetRequiredService<IOptions<IdentityOptions>>().Value.Face.TencentCloud;
            c.BaseAddress = Platform.PlatformHttp.BaseAddress(o.Endpoint);
            c.Timeout = o.Timeout;
        });
        // The relatives of the holder, for a face session of a relative (households fill it; posters own it).
        services.TryAddSingleton<Posters.IRelativeAccess, Posters.NoRelatives>();
        services.AddMiniCodeJob<ExpireSmsCodesJob>("expire-sms-codes", "清除过期或已用的短信验证码，并重置发送频率窗口");
        // Extension point: another certified face-verification provider replaces this default (Replace, in any order).
        services.TryAddScoped<IFaceVerifier, ConfiguredFaceVerifier>();
        // Provides the health codes' extension point (they fall back to "no verifications").
        services.Replace(ServiceDescriptor.Singleton<HealthCodes.IFaceVerificationHistory, StoredFaceVerificationHistory>());
        services.AddSingleton<PasswordPolicy>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app) => app.MapAuthApi().MapMeApi().MapFaceSessionsApi();
}
