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
        root.MapPost("/password-reset/sms", SendResetCode).AllowAnonymous().ProducesErrors(Invalid).ProducesErrors(IdentityErrors.SmsSend);
        root.MapPost("/password-reset/confirm", ConfirmReset).AllowAnonymous()
            .ProducesErrors(Invalid, IdentityErrors.AccountNotFound, CheckpointErrors.AccountDisabled).ProducesErrors(IdentityErrors.SmsCode);

        var api = root.MapGroup("").RequireAuthorization(SessionsSetup.ScannerPolicy)
            .ProducesErrors(SessionErrors.Challenge).ProducesErrors(CurrentScanner.Errors);
        api.MapGet("/me", Me);
        api.MapPost("/me/password", ChangePassword).ProducesErrors(Invalid, PasswordWrong);
        api.MapPost("/logout", LogOut);
        api.MapGet("/me/report-sites", ReportSites);
        api.MapGet("/me/report-sites/options", ReportSiteOptions);
        api.MapPut("/me/report-sites", SetReportSites).ProducesErrors(Invalid);

        api.MapPost("/scans/preview", Preview).ProducesErrors(Code);
        api.MapPost("/scans", Scan).ProducesErrors(Code).ProducesErrors(SiteStopped);
        api.MapPost("/assisted-registrations", Assist).ProducesErrors(Code, IdentityErrors.NameMismatch, AssistedDailyLimit, SiteStopped)
            .ProducesErrors(IdentityErrors.SmsCode);
        api.MapGet("/records", Records).ProducesErrors(Invalid, SiteNotVisible);
        api.MapGet("/records/{id:long}", Record).ProducesErrors(RecordNotFound);

        api.MapGet("/sites", Sites).ProducesErrors(RoleForbidden);
        api.MapGet("/sites/levels", SiteLevels).ProducesErrors(RoleForbidden);
        api.MapPost("/sites", AddSite).ProducesErrors(Invalid, RoleForbidden, SiteNotManaged);
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

    /// <summary>扫码员登录</summary>
    /// <remarks>手机号 + 密码；连续输错后暂时锁定（429，<c>Retry-After</c>），停用账号或停用站点为 403。</remarks>
    public static async Task<Ok<ScannerLoginResponse>> LogIn(ScannerLoginRequest body, ScannerAccountService accounts, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await accounts.LogInAsync(body, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", ct));

    /// <summary>扫码员忘记密码：发送验证码</summary>
    /// <remarks>向扫码员账号的手机号发送验证码（频率限制同找回密码）；无论该手机号是否属于扫码员，回答相同。</remarks>
    public static async Task<Ok<SmsCodeSent>> SendResetCode(ScannerResetCodeRequest body, ScannerPasswordReset reset, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await reset.SendCodeAsync(PhoneNumbers.Normalise(body.Phone)!, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", ct));

    /// <summary>扫码员忘记密码：设置新密码</summary>
    /// <remarks>手机号 + 验证码 + 新密码；先核对验证码，之后才会知道手机号是否属于扫码员（否则 404）。成功后该账号的全部会话失效，锁定解除。</remarks>
    public static async Task<NoContent> ConfirmReset(PasswordResetRequest body, ScannerPasswordReset reset, CancellationToken ct)
    {
        await reset.ConfirmAsync(body, ct);
        return TypedResults.NoContent();
    }

    /// <summary>扫码员信息</summary>
    /// <remarks>本人资料（脱敏）、角色和所属站点。</remarks>
    public static async Task<Ok<ScannerProfileView>> Me(CurrentScanner me, ScannerAccountService accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ProfileAsync(me.Profile, ct));

    /// <summary>扫码员修改密码</summary>
    /// <remarks>原密码 + 新密码。</remarks>
    public static async Task<NoContent> ChangePassword(CurrentScanner me, ScannerPasswordChangeRequest body, ScannerAccountService accounts, CancellationToken ct)
    {
        await accounts.ChangePasswordAsync(me.Profile, me.SessionId, body, ct);
        return TypedResults.NoContent();
    }

    /// <summary>扫码员退出</summary>
    /// <remarks>结束当前会话。</remarks>
    public static async Task<NoContent> LogOut(CurrentScanner me, ScannerAccountService accounts, CancellationToken ct)
    {
        await accounts.LogOutAsync(me.Profile, me.SessionId, ct);
        return TypedResults.NoContent();
    }

    /// <summary>上报站点</summary>
    /// <remarks>本人设置的上报站点：扫码记录同时上报到这些站点。</remarks>
    public static async Task<Ok<List<SiteView>>> ReportSites(CurrentScanner me, ScannerDirectory scanners, CancellationToken ct) =>
        TypedResults.Ok((await scanners.ReportSitesAsync(me.Profile, ct)).Select(ScannerDirectory.ToView).ToList());

    /// <summary>可选的上报站点</summary>
    /// <remarks>上报设置可选择的站点：本机构的站点（扫码记录可同时上报到这些站点；上报站点只写不读）。</remarks>
    internal static async Task<Ok<List<SiteView>>> ReportSiteOptions(CurrentScanner me, ScannerAccountService accounts, CancellationToken ct) =>
        TypedResults.Ok((await accounts.ReportableSitesAsync(me.Profile, ct)).Select(ScannerDirectory.ToView).ToList());

    /// <summary>设置上报站点</summary>
    /// <remarks><c>siteIds</c> 须为“可选的上报站点”中的站点，否则 400。</remarks>
    public static async Task<Ok<List<SiteView>>> SetReportSites(CurrentScanner me, ReportSitesRequest body, ScannerAccountService accounts, CancellationToken ct) =>
        TypedResults.Ok((await accounts.SetReportSitesAsync(me.Profile, body, ct)).Select(ScannerDirectory.ToView).ToList());

    /// <summary>扫码预览</summary>
    /// <remarks>提交前查看被核验人的脱敏姓名、码色、原因和是否劝返，不记录。</remarks>
    // Only scanners may preview: me is bound for that check alone.
    public static async Task<Ok<ScanPreview>> Preview(CurrentScanner me, ScanPreviewRequest body, ScanService scans, CancellationToken ct) =>
        TypedResults.Ok(await scans.PreviewAsync(body, ct));

    /// <summary>扫码核验并登记体温</summary>
    /// <remarks>载荷 + 体温（一位小数，<c>MiniCode:Checkpoints:MinTemperatureCelsius</c>–<c>MiniCode:Checkpoints:MaxTemperatureCelsius</c>）+ 备注 + <c>idempotencyKey</c>（每次提交生成一次，重试时复用：重试返回首条记录，不重复登记）。无效码为 422 <c>checkpoint.code_invalid</c> 并附原因。</remarks>
    public static async Task<Ok<ScanRecordView>> Scan(CurrentScanner me, ScanRequest body, ScanService scans, CancellationToken ct) =>
        TypedResults.Ok(await scans.ScanAsync(me.Profile, body, ct));

    /// <summary>辅助登记</summary>
    /// <remarks>为无智能手机的人登记：其手机的短信验证码 + 姓名 + 身份证号 + 体温。只记录核验，不给任何账号绑定此人；每个扫码员每天至多 <c>MiniCode:Checkpoints:AssistedRegistrationsPerDay</c> 次。</remarks>
    public static async Task<Ok<ScanRecordView>> Assist(CurrentScanner me, AssistedRegistrationRequest body, AssistedRegistration assisted, CancellationToken ct) =>
        TypedResults.Ok(await assisted.RegisterAsync(me.Profile, body, ct));

    /// <summary>排查记录</summary>
    /// <remarks>按站点或机构、身份证号筛选并分页（每页 <c>MiniCode:Checkpoints:PageSize</c>）；高级和中级扫码员看本站点及所管站点的记录，普通扫码员只看自己的；保存 <c>MiniCode:Checkpoints:RecordRetention</c>。</remarks>
    public static async Task<Ok<ScanRecordPage>> Records(CurrentScanner me, InspectionRecords records,
        long? organisationId, long? siteId, string? idNumber, int? page, CancellationToken ct) =>
        TypedResults.Ok(await records.ListAsync(me.Profile, organisationId, siteId, idNumber, page, ct));

    /// <summary>排查记录详情</summary>
    /// <remarks>一条记录的脱敏姓名、码色、体温、站点和时间。</remarks>
    public static async Task<Ok<ScanRecordView>> Record(CurrentScanner me, long id, InspectionRecords records, CancellationToken ct) =>
        TypedResults.Ok(await records.DetailAsync(me.Profile, id, ct));

    /// <summary>所管站点</summary>
    /// <remarks>本人管理的站点（本站点、添加或接管的站点及其全部下级站点）及其扫码员；按层级排列，<c>level</c> 0 为最上层，
    /// <c>subSites</c> 为直属下级站点数，<c>records</c> 为本站点的记录数，<c>recordsWithSubSites</c> 含全部下级站点的记录（汇总）。</remarks>
    public static async Task<Ok<List<ManagedSiteView>>> Sites(CurrentScanner me, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.ListAsync(me.Profile, ct));

    /// <summary>下级站点数量（按层级）</summary>
    /// <remarks>所管站点树每一层的站点数、正常站点数、扫码员数和记录数（<c>level</c> 0 为最上层）。</remarks>
    public static async Task<Ok<List<SiteLevelCount>>> SiteLevels(CurrentScanner me, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.LevelsAsync(me.Profile, ct));

    /// <summary>新增下级站点</summary>
    /// <remarks>高级/中级扫码员在所管站点（<c>parentId</c>，默认本人站点）下新增下级站点，在其机构辖区内；层级至多
    /// <c>MiniCode:Checkpoints:MaxSubSiteDepth</c> 级。</remarks>
    public static async Task<Ok<SiteView>> AddSite(CurrentScanner me, SiteRequest body, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.AddAsync(me.Profile, body, ct));

    /// <summary>修改站点</summary>
    /// <remarks>名称、地区码、地址和备注。</remarks>
    public static async Task<Ok<SiteView>> EditSite(CurrentScanner me, long id, SiteRequest body, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.EditAsync(me.Profile, id, body, ct));

    /// <summary>停用站点</summary>
    /// <remarks>停用该站点及其全部下级站点；这些站点的扫码员停用、会话结束，扫码被拒绝。</remarks>
    public static async Task<Ok<LineActionResult>> StopSite(CurrentScanner me, long id, SiteManagement sites, CancellationToken ct) =>
        TypedResults.Ok(await sites.StopAsync(me.Profile, id, ct));

    /// <summary>下级扫码员</summary>
    /// <remarks>本人条线下的扫码员。</remarks>
    public static async Task<Ok<List<ScannerView>>> Scanners(CurrentScanner me, ScannerManagement management, CancellationToken ct) =>
        TypedResults.Ok(await management.ListAsync(me.Profile, ct));

    /// <summary>扫码员详情</summary>
    /// <remarks>下级扫码员的资料（脱敏）和状态。</remarks>
    public static async Task<Ok<ScannerView>> ScannerDetail(CurrentScanner me, long id, ScannerManagement management, CancellationToken ct) =>
        TypedResults.Ok(await management.DetailAsync(me.Profile, id, ct));

    /// <summary>新增扫码员前检查</summary>
    /// <remarks>站点 + 身份证号：是否可添加及可选角色（“下一步”）。</remarks>
    public static async Task<Ok<ScannerCheckResponse>> CheckScanner(CurrentScanner me, ScannerCheckRequest body, ScannerManagement management, CancellationToken ct) =>
        TypedResults.Ok(await management.CheckAsync(me.Profile, body, ct));

    /// <summary>新增扫码员</summary>
    /// <remarks>只能添加比本人角色低的扫码员；手机号或身份证号已被使用为 409。</remarks>
    public static async Task<Ok<ScannerView>> AddScanner(CurrentScanner me, NewScannerRequest body, ScannerManagement management, CancellationToken ct) =>
        TypedResults.Ok(await management.AddAsync(me.Profile, body, ct));

    /// <summary>停用条线</summary>
    /// <remarks>停用该扫码员及其全部下级，结束其会话。</remarks>
    public static async Task<Ok<LineActionResult>> DisableLine(CurrentScanner me, long id, LineActions lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.DisableLineAsync(me.Profile, id, ct));

    /// <summary>停用扫码员</summary>
    /// <remarks>只停用该扫码员。</remarks>
    public static async Task<Ok<LineActionResult>> DisableOne(CurrentScanner me, long id, LineActions lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.DisableOneAsync(me.Profile, id, ct));

    /// <summary>启用扫码员</summary>
    /// <remarks>恢复停用的扫码员。</remarks>
    public static async Task<Ok<ScannerView>> Enable(CurrentScanner me, long id, LineActions lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.EnableAsync(me.Profile, id, ct));

    /// <summary>替换扫码员</summary>
    /// <remarks>把该扫码员的下级移交给 <c>replacementAccountId</c> 并停用原扫码员。</remarks>
    public static async Task<Ok<ScannerView>> Replace(CurrentScanner me, long id, ReplaceScannerRequest body, LineActions lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.ReplaceAsync(me.Profile, id, body, ct));
}
