using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Data;
using MiniCode.Infrastructure.Cluster;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.DataProtection;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Infrastructure.Hosting;

/// <summary>
/// What every part of the host shares: the database, keys and personal-data protection, errors as ProblemDetails,
/// request limits, the rate limiter, JSON settings and the health endpoints. The features build on it.
/// </summary>
public static class FoundationSetup
{
    /// <summary>How the API writes and reads JSON (on the web defaults); also used by scripts/bench/codec.</summary>
    public static void ConfigureJson(System.Text.Json.JsonSerializerOptions o)
    {
        o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        o.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        // Numbers are JSON numbers: the web default also reads "12" as 12, which the contract would have to
        // describe as a string-or-number union in every numeric field.
        o.NumberHandling = JsonNumberHandling.Strict;
    }

    /// <summary>Rate-limit policy names shared by the feature APIs.</summary>
    public static class RateLimits
    {
        public const string PerClient = "per-client";
    }

    public static IHostApplicationBuilder AddFoundation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // Tests replace the clock; a feature never registers its own.
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<Time.BusinessCalendarOptions>();
        services.AddSingleton<Time.BusinessCalendar>();
        services.AddHttpContextAccessor();
        services.AddTransient(typeof(Deferred<>));
        services.AddForwardedHeadersSettings();
        services.AddValidatedOptions<HostPartsOptions>();
        services.AddHotPaths();
        services.AddSingleton<KeyMaterialStore>();
        services.AddRequiredSettingsCheck();
        services.AddRequiredSetting($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", "the database connection string");

        services.AddMiniCodeData(builder.Configuration);
        services.AddMiniCodeDataProtection();
        services.AddMiniCodeProblemDetails();
        services.AddMiniCodeHealth();
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<Concurrency.KeyedLocks>();
        services.AddClusterSignals();
        services.AddRequiredSetting(PersonalDataProtector.EncryptionKeySetting, "AES-256 key (base64) for ID and phone numbers at rest");
        services.AddRequiredSetting(PersonalDataProtector.BlindIndexKeySetting, "HMAC key (base64) for the blind index of ID and phone numbers");
        // One password hasher for citizens, scanners and staff.
        services.AddValidatedOptions<PasswordHashOptions>();
        services.AddSingleton<IValidateOptions<PasswordHashOptions>, PasswordHashOptionsValidator>();
        services.AddSingleton<PasswordHasher>();
        services.AddScoped<LoginThrottle>();

        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddValidatedOptions<RequestLimitsOptions>();
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
            // Partitioned by the address itself: its text would be a new string on every request.
            o.AddPolicy(RateLimits.PerClient, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress ?? System.Net.IPAddress.None,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    /// <summary>The middleware every part shares. Unlike registration, middleware order matters, so it is all here.</summary>
    public static WebApplication UseFoundation(this WebApplication app)
    {
        // First, so logging, rate limits and the SMS per-IP limit see the client behind a configured proxy.
        app.UseForwardedHeaders();
        app.UseMiniCodeRequestLogging();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // HSTS wherever real people connect: not on the development machine or the test hosts (plain HTTP there).
        if (!app.Environment.AllowsDevelopmentDefaults()) app.UseHsts();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        // Static files as middleware, not MapStaticAssets: its catch-all "{**path:file}" endpoint would turn the API's
        // unknown-route 404s into 405s and hide real 405s. Serves the admin's stylesheet (wwwroot of MiniCode.Admin).
        app.UseStaticFiles();
        app.UseRateLimiter();
        // The warm case of show-code and verify, answered here in place of the three stages below (HotPath).
        app.UseHotPaths();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary><c>/health/live</c> and <c>/health/ready</c>, on every part (and the benchmark's command counter in its environment).</summary>
    public static IEndpointRouteBuilder MapFoundation(this IEndpointRouteBuilder app) =>
        DatabaseCommandCounter.MapBenchmarkCounter(app.MapMiniCodeHealth());
}
