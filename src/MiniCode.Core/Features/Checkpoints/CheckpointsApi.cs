using System.Security.Claims;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// 码上行动 for the inspector mini program, under <c>/api/checkpoint</c>: scanner login and profile, report settings,
/// scans and assisted registration, inspection records, site and scanner management. Errors are thrown as
/// <c>ApiException</c>s by the services and answered as ProblemDetails.
/// </summary>
public static class CheckpointsApi
{
    public static IEndpointRouteBuilder MapCheckpointsApi(this IEndpointRouteBuilder app)
    {
        var root = app.MapGroup("/api/checkpoint").WithTags("Checkpoints").RequireRateLimiting(FoundationSetup.RateLimits.PerClient);
        root.MapPost("/login", LogIn).AllowAnonymous();

        var api = root.MapGroup("").RequireAuthorization(SessionsSetup.ScannerPolicy);
        api.MapGet("/me", Me);
        api.MapPost("/me/password", ChangePassword);
        api.MapPost("/logout", LogOut);
        api.MapGet("/me/report-sites", ReportSites);
        api.MapPut("/me/report-sites", SetReportSites);

        api.MapPost("/scans/preview", Preview);
        api.MapPost("/scans", Scan);
        api.MapPost("/assisted-registrations", Assist);
        api.MapGet("/records", Records);
        api.MapGet("/records/{id:long}", Record);

        api.MapGet("/sites", Sites);
        api.MapPost("/sites", AddSite);
        api.MapPut("/sites/{id:long}", EditSite);
        api.MapPost("/sites/{id:long}/stop", StopSite);

        api.MapGet("/scanners", Scanners);
        api.MapGet("/scanners/{id:long}", ScannerDetail);
        api.MapPost("/scanners/check", CheckScanner);
        api.MapPost("/scanners", AddScanner);
        api.MapPost("/scanners/{id:long}/disable-line", DisableLine);
        api.MapPost("/scanners/{id:long}/disable", DisableOne);
        api.MapPost("/scanners/{id:long}/enable", Enable);
        api.MapPost("/scanners/{id:long}/replace", Replace);
        return app;
    }

    public static async Task<Ok<ScannerLoginResponse>> LogIn(ScannerLoginRequest body, ScannerAccountService accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.LogInAsync(body, ct));

    public static async Task<Ok<ScannerProfileView>> Me(ClaimsPrincipal user, ScannerDirectory scanners, ScannerAccountService accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ProfileAsync(await scanners.CurrentAsync(user.AccountId(), ct), ct));

    public static async Task<NoContent> ChangePassword(ClaimsPrincipal user, ScannerPasswordChangeRequest body, ScannerDirectory scanners,
        ScannerAccountService accounts, CancellationToken ct)
    {
        await accounts.ChangePasswordAsync(await scanners.CurrentAsync(user.AccountId(), ct), user.SessionIdOf(), body, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> LogOut(ClaimsPrincipal user, ScannerDirectory scanners, ScannerAccountService accounts, CancellationToken ct)
    {
        await accounts.LogOutAsync(await scanners.CurrentAsync(user.AccountId(), ct), user.SessionIdOf(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<SiteView>>> ReportSites(ClaimsPrincipal user, ScannerDirectory scanners, CancellationToken ct) =>
        TypedResults.Ok((await scanners.ReportSitesAsync(await scanners.CurrentAsync(user.AccountId(), ct), ct)).Select(ScannerDirectory.ToView).ToList());

    public static async Task<Ok<List<SiteView>>> SetReportSites(ClaimsPrincipal user, ReportSitesRequest body, ScannerDirectory scanners,
        ScannerAccountService accounts, CancellationToken ct) =>
        TypedResults.Ok((await accounts.SetReportSitesAsync(await scanners.CurrentAsync(user.AccountId(), ct), body, ct)).Select(ScannerDirectory.ToView).ToList());

    public static async Task<Ok<ScanPreview>> Preview(ClaimsPrincipal user, ScanPreviewRequest body, ScannerDirectory scanners, ScanService scans, CancellationToken ct)
    {
        await scanners.CurrentAsync(user.AccountId(), ct);
        return TypedResults.Ok(await scans.PreviewAsync(body, ct));
    }

    public static async Task<Ok<ScanRecordView>> Scan(ClaimsPrincipal user, ScanRequest body, ScanService scans, CancellationToken ct) =>
        TypedResults.Ok(await scans.ScanAsync(user.AccountId(), body, ct));

    public static async Task<Ok<ScanRecordView>> Assist(ClaimsPrincipal user, AssistedRegistrationRequest body, AssistedRegistration assisted, CancellationToken ct) =>
        TypedResults.Ok(await assisted.RegisterAsync(user.AccountId(), body, ct));

    public static async Task<Ok<ScanRecordPage>> Records(ClaimsPrincipal user, ScannerDirectory scanners, InspectionRecords records,
        long? organisationId, long? siteId, string? idNumber, int? page, CancellationToken ct) =>
        TypedResults.Ok(await records.ListAsync(await scanners.CurrentAsync(user.AccountId(), ct), organisationId, siteId, idNumber, page, ct));

    public static async Task<Ok<ScanRecordView>> Record(ClaimsPrincipal user, long id, ScannerDirectory scanners, InspectionRecords records, CancellationToken ct) =>
        TypedResults.Ok(await records.DetailAsync(await scanners.CurrentAsync(user.AccountId(), ct), id, ct));

    public static async Task<Ok<List<ManagedSiteView>>> Sites(ClaimsPrincipal user, ScannerDirectory scanners, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.ListAsync(await scanners.CurrentAsync(user.AccountId(), ct), ct));

    public static async Task<Ok<SiteView>> AddSite(ClaimsPrincipal user, SiteRequest body, ScannerDirectory scanners, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.AddAsync(await scanners.CurrentAsync(user.AccountId(), ct), body, ct));

    public static async Task<Ok<SiteView>> EditSite(ClaimsPrincipal user, long id, SiteRequest body, ScannerDirectory scanners, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.EditAsync(await scanners.CurrentAsync(user.AccountId(), ct), id, body, ct));

    public static async Task<Ok<LineActionResult>> StopSite(ClaimsPrincipal user, long id, ScannerDirectory scanners, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.StopAsync(await scanners.CurrentAsync(user.AccountId(), ct), id, ct));

    public static async Task<Ok<List<ScannerView>>> Scanners(ClaimsPrincipal user, ScannerDirectory scanners, ScannerManagement management, CancellationToken ct) =>
        TypedResults.Ok(await management.ListAsync(await scanners.CurrentAsync(user.AccountId(), ct), ct));

    public static async Task<Ok<ScannerView>> ScannerDetail(ClaimsPrincipal user, long id, ScannerDirectory scanners, ScannerManagement management, CancellationToken ct) =>
        TypedResults.Ok(await management.DetailAsync(await scanners.CurrentAsync(user.AccountId(), ct), id, ct));

    public static async Task<Ok<ScannerCheckResponse>> CheckScanner(ClaimsPrincipal user, ScannerCheckRequest body, ScannerDirectory scanners,
        ScannerManagement management, CancellationToken ct) =>
        TypedResults.Ok(await management.CheckAsync(await scanners.CurrentAsync(user.AccountId(), ct), body, ct));

    public static async Task<Ok<ScannerView>> AddScanner(ClaimsPrincipal user, NewScannerRequest body, ScannerDirectory scanners,
        ScannerManagement management, CancellationToken ct) =>
        TypedResults.Ok(await management.AddAsync(await scanners.CurrentAsync(user.AccountId(), ct), body, ct));

    public static async Task<Ok<LineActionResult>> DisableLine(ClaimsPrincipal user, long id, ScannerDirectory scanners, LineActions lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.DisableLineAsync(await scanners.CurrentAsync(user.AccountId(), ct), id, ct));

    public static async Task<Ok<LineActionResult>> DisableOne(ClaimsPrincipal user, long id, ScannerDirectory scanners, LineActions lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.DisableOneAsync(await scanners.CurrentAsync(user.AccountId(), ct), id, ct));

    public static async Task<Ok<ScannerView>> Enable(ClaimsPrincipal user, long id, ScannerDirectory scanners, LineActions lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.EnableAsync(await scanners.CurrentAsync(user.AccountId(), ct), id, ct));

    public static async Task<Ok<ScannerView>> Replace(ClaimsPrincipal user, long id, ReplaceScannerRequest body, ScannerDirectory scanners,
        LineActions lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.ReplaceAsync(await scanners.CurrentAsync(user.AccountId(), ct), id, body, ct));
}
