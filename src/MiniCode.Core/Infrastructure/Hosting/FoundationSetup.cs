using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.DataProtection;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Infrastructure.Hosting;

public static class FoundationSetup
{
    /// <summary>Rate-limit policy names shared by the feature APIs.</summary>
    public static class RateLimits
    {
        public const string PerClient = "per-client";
    }

    public static WebApplicationBuilder AddMiniCodeFoundation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMiniCodeForwardedHeaders(configuration);
        services.AddOptions<HostPartsOptions>().Bind(configuration.GetSection(HostPartsOptions.Section));
        services.AddSingleton<KeyMaterialStore>();
        services.AddRequiredSettingsCheck();
        services.AddRequiredSetting($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", "the database connection string");

        services.AddMiniCodeData(configuration);
        services.AddMiniCodeDataProtection();
        services.AddMiniCodeProblemDetails();
        services.AddMiniCodeHealth();
        services.AddScoped<AuditLog>();
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<Concurrency.KeyedLocks>();
        services.AddRequiredSetting(PersonalDataProtector.EncryptionKeySetting, "AES-256 key (base64) for ID and phone numbers at rest");
        services.AddRequiredSetting(PersonalDataProtector.BlindIndexKeySetting, "HMAC key (base64) for the blind index of ID and phone numbers");
        services.AddMiniCodeSessions(configuration);

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        services.AddOptions<RequestLimitsOptions>().Bind(configuration.GetSection(RequestLimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((o, limits) => o.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        services.AddOptions<HostOptions>().Configure<IOptions<RequestLimitsOptions>>((o, limits) => o.ShutdownTimeout = TimeSpan.FromSeconds(limits.Value.ShutdownTimeoutSeconds));

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RequestLimitsOptions>>((o, limits) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            var permits = limits.Value.PerClientPerMinute;
            o.AddPolicy(RateLimits.PerClient, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    /// <summary>The middleware every part shares, in order: request id and log line, errors, status pages.</summary>
    public static WebApplication UseMiniCodeFoundation(this WebApplication app)
    {
        // First, so logging, rate limits and the SMS per-IP limit see the client behind a configured proxy.
        app.UseForwardedHeaders();
        app.UseMiniCodeRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMiniCodeHealth();
        return app;
    }
}
