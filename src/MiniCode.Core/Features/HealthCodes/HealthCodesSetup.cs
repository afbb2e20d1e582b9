using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.HealthCodes.Logs;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.HealthCodes.Scheduled;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Features.Jobs;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.HealthCodes.Reports;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes;

public static class HealthCodesSetup
{
    public const string AuthorityPolicy = "health-authority";
    /// <summary>Scanner sessions and registered applications may call <c>/api/codes</c>.</summary>
    public const string VerifierPolicy = "code-verifier";
    public const string VerifyRateLimit = "codes-verify";

    /// <summary>
    /// Declarations, the colour engine, signed codes and their verification, notices, appeals, overrides, imports and
    /// statistics. Other features extend it through the fallbacks below (TryAdd here, Replace there).
    /// </summary>
    public static IHostApplicationBuilder AddHealthCodes(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<ColorRulesOptions>();
        services.AddValidatedOptions<HealthCodeOptions>();
        services.AddValidatedOptions<FaceCheckOptions>();
        services.AddValidatedOptions<DeclarationOptions>();
        services.AddValidatedOptions<ImportOptions>();

        services.AddSingleton(sp => new ColorEngine(sp.GetRequiredService<IOptions<ColorRulesOptions>>().Value, sp.GetRequiredService<BusinessCalendar>()));
        services.AddScoped<HealthStatusService>();
        services.AddSingleton<CodeHolderCache>();
        services.AddScoped<HealthFactsRecorder>();
        services.AddScoped<DeclarationService>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<CodeSigner>();
        services.AddSingleton<IValidateOptions<SigningKeysCheck>, SigningKeysValidator>();
        services.AddOptions<SigningKeysCheck>().ValidateOnStart();
        services.AddRequiredSetting(SigningKeyRing.KeysSetting, "ES256 code-signing keys: kid:pkcs8base64[:yyyy-MM-dd];... (last signs)");
        services.AddSingleton<CodeUsageCounters>();
        services.AddHostedService<CodeUsageFlushService>();
        services.AddScoped<HealthCodeVerifier>();
        services.AddScoped<ShowCodeService>();
        services.AddScoped<IFaceCheckGate, FaceCheckGate>();
        // Extension points: identity, households and posters replace these defaults.
        services.TryAddSingleton<IFaceVerificationHistory, NoFaceVerifications>();
        services.TryAddScoped<IFaceCheckExemption, NoFaceCheckExemptions>();
        services.TryAddSingleton<IPortraitReferenceProvider, NoPortraits>();
        services.TryAddSingleton<ICodeRevocationList, NoCodeRevocations>();
        services.TryAddSingleton<IPosterCodeCheck, NoPosters>();
        services.TryAddSingleton<INoticeWatchers, NoNoticeWatchers>();
        services.TryAddSingleton<ICodeNumbers, NoCodeNumbers>();
        services.TryAddSingleton<ICodeStyles, NoCodeStyles>();
        services.TryAddSingleton<IForeignCodeVerifier, NoForeignCodes>();

        services.AddScoped<NoticeDispatcher>();
        services.AddValidatedOptions<NoticePlatformOptions>();
        services.AddValidatedOptions<ReminderOptions>();
        services.AddValidatedOptions<HealthCodeJobOptions>();
        services.AddScoped<ReminderService>();
        services.AddScoped<CodeStatisticsService>();
        services.AddScoped<ICodeIssueSource, HealthCodeIssues>();
        services.AddMiniCodeJob<RecomputeDueColorsJob>("recompute-due-colours", "重算到期的健康码（隔离或风险名单结束、体温黄码期满、人工改码到期），写入历史并通知");
        services.AddMiniCodeJob<RollupStatisticsJob>("rollup-statistics", "按码类型和地区汇总每日申领、亮码、验码数量");
        services.AddMiniCodeJob<SendRemindersJob>("send-reminders", "向已实名但未申报健康信息的用户发送一次申报提醒");
        services.AddValidatedOptions<NoticeDeliveryOptions>();
        services.AddScoped<NoticeDeliveryService>();
        services.AddSingleton<NoticeDeliverySignal>();
        services.AddHostedService<NoticeDeliveryWorker>();
        services.AddMiniCodeJob<SendNoticesJob>("send-notices", "重发到期的微信/支付宝消息通知并清理已结束的发送记录");
        services.AddSingleton<INoticeChannel, WeChatNoticeChannel>();
        services.AddSingleton<INoticeChannel, AlipayNoticeChannel>();
        services.AddSingleton<RecordingNoticeChannel>();
        services.AddSingleton<INoticeChannel>(sp => sp.GetRequiredService<RecordingNoticeChannel>());
        services.AddScoped<NoticeService>();
        services.AddScoped<AppealService>();
        services.AddScoped<OverrideService>();
        services.AddScoped<HealthDataImporter>();
        services.AddScoped<ImportStore>();
        services.AddScoped<BulkRecordWriter>();
        services.AddScoped<StaffImports>();
        services.AddScoped<ImportRejectionRetention>();
        services.AddMiniCodeJob<PurgeImportRejectionsJob>("purge-import-rejections", "删除超过保存期限的导入被拒绝行（已打码的报告）");
        services.AddScoped<HealthReportService>();
        services.AddScoped<Identity.IAccountDeletionParticipant, HealthDataDeletion>();

        services.AddSingleton<ApiKeyRegistry>();
        services.AddValidatedOptions<CodeApplicationOptions>()
            .Validate<IHostEnvironment>((o, env) => o.Bootstrap.Key.Length == 0 || env.IsDevelopment() || env.IsEnvironment("Testing") || env.IsEnvironment("Benchmark"),
                CodeApplicationOptions.Section + ":Bootstrap:Key is for Development, Testing and Benchmark only: register applications in the admin (码应用管理)")
            .Validate<IConfiguration>((o, config) => string.IsNullOrEmpty(config[ApiKeyRegistry.RetiredPartnersSetting]),
                ApiKeyRegistry.RetiredPartnersSetting + " was replaced by registered applications (admin 码应用管理; see README)");
        services.AddSingleton<ApplicationDirectory>();
        services.AddSingleton<ApplicationGate>();
        services.AddScoped<ApplicationService>();
        services.TryAddSingleton<ICodeCategoryCatalog, BuiltInCodeCategories>();
        services.TryAddScoped<ICodeTagDisclosure, NoTagDisclosure>();
        services.AddHostedService<BootstrapApplicationSeeder>();
        services.AddValidatedOptions<CodeLogOptions>();
        services.AddSingleton<CodeEventLog>();
        services.AddHostedService<CodeEventFlushService>();
        services.AddScoped<CodeLogRetention>();
        services.AddMiniCodeJob<PurgeCodeLogsJob>("purge-code-logs", "按保存期限删除亮码记录、扫码记录和操作记录");
        services.AddRequiredSetting(ApiKeyRegistry.AuthoritySetting, "API key of the health authority for data imports (header X-Api-Key)");
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorityPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireRole(ApiKeyRegistry.AuthorityRole))
            .AddPolicy(VerifierPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName, SessionAuthenticationHandler.SchemeName)
                .RequireAssertion(c => c.User.IsInRole(ApiKeyRegistry.ApplicationRole) || c.User.HasClaim(SessionClaims.Kind, nameof(AccountKind.Scanner))));

        services.AddCitizenScanLimit();
        services.AddSingleton<VerifyRateLimits>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<HealthCodeOptions>>((o, codes) =>
            VerifyRateLimits.AddAddressPolicy(o, codes.Value.VerifyPerAddressPerMinute));
        return builder;
    }

    public static IEndpointRouteBuilder MapHealthCodes(this IEndpointRouteBuilder app) => app.MapHealthCodesApi();
}
