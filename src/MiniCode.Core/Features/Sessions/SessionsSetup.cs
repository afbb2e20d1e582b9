using Microsoft.AspNetCore.Authentication;
using MiniCode.Features.Jobs;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Sessions;

public static class SessionsSetup
{
    public const string CitizenPolicy = "citizen";
    public const string ScannerPolicy = "scanner";

    /// <summary>Bearer sessions of citizens and scanners: the default authentication scheme, its policies and the expiry job.</summary>
    public static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<SessionOptions>();
        services.AddScoped<SessionService>();
        services.AddSingleton<SessionTouches>();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<SessionTouchFlushService>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionTouchFlushService>());
        services.AddMiniCodeJob<ExpireSessionsJob>("expire-sessions", "删除已过期、已注销或长时间未使用的登录会话");
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        // No scheme named on these policies: the session is the default scheme, which the authentication middleware has
        // already run. Naming it made the policy authenticate a second time and rebuild the principal on every request.
        services.AddAuthorizationBuilder()
            .AddPolicy(CitizenPolicy, p => p.RequireAuthenticatedUser().RequireClaim(SessionClaims.Kind, nameof(AccountKind.Citizen)))
            .AddPolicy(ScannerPolicy, p => p.RequireAuthenticatedUser().RequireClaim(SessionClaims.Kind, nameof(AccountKind.Scanner)));
        return builder;
    }
}
