using MiniCode.Infrastructure.Security;
namespace MiniCode.Features.Identity;

public static class IdentitySetup
{
    public static IServiceCollection AddMiniCodeIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.Section))
            .Validate(o => Valid(o.Sms) && Valid(o.Password) && Valid(o.RealName), "Identity options are out of their allowed ranges (see IdentityOptions)")
            .ValidateOnStart();
        services.AddScoped<SmsCodeService>();
        services.AddScoped<AccountDirectory>();
        services.AddScoped<RealNameService>();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<FaceCheckService>();
        Jobs.JobsSetup.AddMiniCodeJob<ExpireSmsCodesJob>(services, "expire-sms-codes", "清除过期或已用的短信验证码，并重置发送频率窗口");
        // Replaces the health codes' "no verifications" fallback, whichever feature registers first.
        services.AddSingleton<HealthCodes.IFaceVerificationHistory, StoredFaceVerificationHistory>();
        services.AddSingleton<PasswordPolicy>();
        services.AddMiniCodePasswordHashing(configuration);
        return services;
    }

    // DataAnnotations validation does not descend into nested option objects.
    private static bool Valid(object rules) =>
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(rules, new(rules), null, validateAllProperties: true);

    public static IEndpointRouteBuilder MapMiniCodeIdentity(this IEndpointRouteBuilder app) => app.MapAuthApi().MapMeApi();
}
