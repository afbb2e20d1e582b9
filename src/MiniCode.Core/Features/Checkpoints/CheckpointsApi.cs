using MiniCode.Features.Identity;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;
using static MiniCode.Features.Checkpoints.CheckpointErrors;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// 码上行动 for the inspector mini program, under <c>/api/checkpoint</c>: scanner login and profile, report settings,
/// scans and assisted registration, inspection records, site and scanner management. Handlers get the caller as a bound
/// <see cref="CurrentScanner"/>; the services throw <c>ApiException</c>s, declared per endpoint below.
/// </summary>
public static class CheckpointsApi
{
    private static readonly ErrorCode Invalid = CommonErrors.ValidationFailed;
    private static readonly ErrorCode[] Code = [CommonErrors.ValidationFailed, CodeInvalid, NotHealthCode];
    private static readonly ErrorCode[] Subordinate = [RoleForbidden, CannotTargetSelf, ScannerNotFound];

    public static IEndpointRouteBuilder MapCheckpointsApi(this IEndpointRouteBuilder app)
    {
        var root = app.MapApiGroup("/api/checkpoint").WithTags("Checkpoints").RequireRateLimiting(FoundationSetup.RateLimits.PerClient);
        root.MapPost("/login", LogIn).AllowAnonymous()
            .ProducesErrors(Invalid, CredentialsInvalid, AccountLocked, CheckpointErrors.AccountDisabled, SiteStopped);

        var api = root.MapGroup("").RequireAuthorization(SessionsSetup.ScannerPolicy)
            .ProducesErrors(SessionErrors.Challenge).ProducesErrors(CurrentScanner.Errors);
        api.MapGet("/me", Me);
        api.MapPost("/me/password", ChangePassword).ProducesErrors(Invalid, PasswordWrong);
        api.MapPost("/logout", LogOut);
        api.MapGet("/me/report-sites", ReportSites);
        api.MapPut("/me/report-sites", SetReportSites).ProducesErrors(Invalid);

        api.MapPost("/scans/preview", Preview).ProducesErrors(Code);
        api.MapPost("/scans", Scan).ProducesErrors(Code).ProducesErrors(SiteStopped);
        api.MapPost("/assisted-registrations", Assist).ProducesErrors(Code, IdentityErrors.NameMismatch, AssistedDailyLimit, SiteStopped)
            .ProducesErrors(IdentityErrors.SmsCode);
        api.MapGet("/records", Records).ProducesErrors(Invalid, SiteNotVisible);
        api.MapGet("/records/{id:long}", Record).ProducesErrors(RecordNotFound);

        api.MapGet("/sites", Sites).ProducesErrors(RoleForbidden);
        api.MapPost("/sites", AddSite).ProducesErrors(Invalid, RoleForbidden);
        api.MapPut("/sites/{id:long}", EditSite).ProducesErrors(Invalid, RoleForbidden, SiteNotManaged);
        api.MapPost("/sites/{id:long}/stop", StopSite).ProducesErrors(RoleForbidden, SiteNotManaged);

        api.MapGet("/scanners", Scanners).ProducesErrors(RoleForbidden);
        api.MapGet("/scanners/{id:long}", ScannerDetail).ProducesErrors(Subordinate);
        api.MapPost("/scanners/check", CheckScanner).ProducesErrors(Invalid, RoleForbidden, SiteNotManaged);
        api.MapPost("/scanners", AddScanner).ProducesErrors(Invalid, RoleForbidden, SiteNotManaged, SiteStopped, PhoneTaken, IdNumberTaken);
        api.MapPost("/scanners/{id:long}/disable-line", DisableLine).ProducesErrors(Subordinate);
        api.MapPost("/scanners/{id:long}/disable", DisableOne).ProducesErrors(Subordinate);
        api.MapPost("/scanners/{id:long}/enable", Enable).ProducesErrors(Subordinate, SiteStopped);
        api.MapPost("/scanners/{id:long}/replace", Replace).ProducesErrors(Subordinate, Invalid, ReplacementInvalid);
        return app;
    }

    public static async Task<Ok<ScannerLoginResponse>> LogIn(ScannerLoginRequest body, ScannerAccountService accounts, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await accounts.LogInAsync(body, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", ct));

    public static async Task<Ok<ScannerProfileView>> Me(CurrentScanner me, ScannerAccountService accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ProfileAsync(me.Profile, ct));

    public static async Task<NoContent> ChangePassword(CurrentScanner me, ScannerPasswordChangeRequest body, ScannerAccountService accounts, CancellationToken ct)
    {
        await accounts.ChangePasswordAsync(me.Profile, me.SessionId, body, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> LogOut(CurrentScanner me, ScannerAccountService accounts, CancellationToken ct)
    {
        await accounts.LogOutAsync(me.Profile, me.SessionId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<SiteView>>> ReportSites(CurrentScanner me, ScannerDirectory scanners, CancellationToken ct) =>
        TypedResults.Ok((await scanners.ReportSitesAsync(me.Profile, ct)).Select(ScannerDirectory.ToView).ToList());

    public static async Task<Ok<List<SiteView>>> SetReportSites(CurrentScanner me, ReportSitesRequest body, ScannerAccountService accounts, CancellationToken ct) =>
        TypedResults.Ok((await accounts.SetReportSitesAsync(me.Profile, body, ct)).Select(ScannerDirectory.ToView).ToList());

    /// <summary>Only scanners may preview: <paramref name="me"/> is bound for that check alone.</summary>
    public static async Task<Ok<ScanPreview>> Preview(CurrentScanner me, ScanPreviewRequest body, ScanService scans, CancellationToken ct) =>
        TypedResults.Ok(await scans.PreviewAsync(body, ct));

    public static async Task<Ok<ScanRecordView>> Scan(CurrentScanner me, ScanRequest body, ScanService scans, CancellationToken ct) =>
        TypedResults.Ok(await scans.ScanAsync(me.Profile, body, ct));

    public static async Task<Ok<ScanRecordView>> Assist(CurrentScanner me, AssistedRegistrationRequest body, AssistedRegistration assisted, CancellationToken ct) =>
        TypedResults.Ok(await assisted.RegisterAsync(me.Profile, body, ct));

    public static async Task<Ok<ScanRecordPage>> Records(CurrentScanner me, InspectionRecords records,
        long? organisationId, long? siteId, string? idNumber, int? page, CancellationToken ct) =>
        TypedResults.Ok(await records.ListAsync(me.Profile, organisationId, siteId, idNumber, page, ct));

    public static async Task<Ok<ScanRecordView>> Record(CurrentScanner me, long id, InspectionRecords records, CancellationToken ct) =>
        TypedResults.Ok(await records.DetailAsync(me.Profile, id, ct));

    public static async Task<Ok<List<ManagedSiteView>>> Sites(CurrentScanner me, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.ListAsync(me.Profile, ct));

    public static async Task<Ok<SiteView>> AddSite(CurrentScanner me, SiteRequest body, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.AddAsync(me.Profile, body, ct));

    public static async Task<Ok<SiteView>> EditSite(CurrentScanner me, long id, SiteRequest body, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.EditAsync(me.Profile, id, body, ct));

    public static async Task<Ok<LineActionResult>> StopSite(CurrentScanner me, long id, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.StopAsync(me.Profile, id, ct));

    public static async Task<Ok<List<ScannerView>>> Scanners(CurrentScanner me, ScannerManagement management, CancellationToken ct) =>
        TypedResults.Ok(await management.ListAsync(me.Profile, ct));

    public static async Task<Ok<ScannerView>> ScannerDetail(CurrentScanner me, long id, ScannerManagement management, CancellationToken ct) =>
        TypedResults.Ok(await management.DetailAsync(me.Profile, id, ct));

    public static async Task<Ok<ScannerCheckResponse>> CheckScanner(CurrentScanner me, ScannerCheckRequest body, ScannerManagement management, CancellationToken ct) =>
        TypedResults.Ok(await management.CheckAsync(me.Profile, body, ct));

    public static async Task<Ok<ScannerView>> AddScanner(CurrentScanner me, NewScannerRequest body, ScannerManagement management, CancellationToken ct) =>
        TypedResults.Ok(await management.AddAsync(me.Profile, body, ct));

    public static async Task<Ok<LineActionResult>> DisableLine(CurrentScanner me, long id, LineActions lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.DisableLineAsync(me.Profile, id, ct));

    public static async Task<Ok<LineActionResult>> DisableOne(CurrentScanner me, long id, LineActions lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.DisableOneAsync(me.Profile, id, ct));

    public static async Task<Ok<ScannerView>> Enable(CurrentScanner me, long id, LineActions lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.EnableAsync(me.Profile, id, ct));

    public static async Task<Ok<ScannerView>> Replace(CurrentScanner me, long id, ReplaceScannerRequest body, LineActions lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.ReplaceAsync(me.Profile, id, body, ct));
}
