using System.Security.Claims;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Reports;
using MiniCode.Features.Identity;
using MiniCode.Features.Rendering;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Features.Households.Relatives;

/// <summary>亲友健康码 under <c>/api/me/relatives</c>: only the holder reaches a relative (404 for everyone else).</summary>
public static class RelativesApi
{
    public static RouteGroupBuilder MapRelativesApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/me/relatives").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Households").ProducesErrors(SessionErrors.Challenge);
        var relative = HouseholdsErrors.RelativeNotFound;
        g.MapGet("/", List);
        g.MapPost("/", Add).ProducesErrors(IdentityErrors.Face, CommonErrors.ValidationFailed, SessionErrors.RealNameRequired, HouseholdsErrors.ConsentRequired,
            HouseholdsErrors.RelativeIsSelf, IdentityErrors.NameMismatch, HouseholdsErrors.RelativeExists, HouseholdsErrors.RelativeLimit, HouseholdsErrors.RelativeBusy)
            .ProducesErrors(IdentityErrors.SmsCode).ProducesErrors(HouseholdsErrors.ConsentPhoneMismatch);
        g.MapPost("/consent-codes", SendConsentCode).ProducesErrors(IdentityErrors.SmsSend);
        g.MapGet("/switch", Switch).ProducesErrors(SessionErrors.RealNameRequired);
        g.MapGet("/{id:long}", Get).ProducesErrors(relative);
        g.MapDelete("/{id:long}", Delete).ProducesErrors(relative, HouseholdsErrors.RelativeDeleteTooSoon);
        g.MapPost("/{id:long}/declaration", Declare).ProducesErrors(relative, CommonErrors.ValidationFailed, HealthCodeErrors.DeclarationTooSoon, HouseholdsErrors.ProofRequired);
        g.MapGet("/{id:long}/health-report", Report).ProducesErrors(relative);
        g.MapGet("/{id:long}/nucleic-acid-results", NucleicAcid).ProducesErrors(relative, HouseholdsErrors.ProofRequired);
        g.MapGet("/{id:long}/vaccinations", Vaccinations).ProducesErrors(relative, HouseholdsErrors.ProofRequired);
        g.MapGet("/{id:long}/code", Code).ProducesErrors(HealthCodeErrors.ShowCode, relative);
        g.MapGet("/{id:long}/code.png", CodePng).ProducesErrors(HealthCodeErrors.ShowCode, relative);
        g.MapGet("/{id:long}/code.svg", CodeSvg).ProducesErrors(HealthCodeErrors.ShowCode, relative);
        return g;
    }

    /// <summary>我的亲友</summary>
    /// <remarks>本人添加的亲友（至多 <c>MiniCode:Households:Relatives:MaxPerHolder</c> 位），含当前码色、是否私有（未证明身份）和可删除时间。</remarks>
    internal static async Task<Ok<IReadOnlyList<RelativeView>>> List(ClaimsPrincipal user, RelativeService relatives, CancellationToken ct) =>
        TypedResults.Ok(await relatives.ListAsync(user.PersonIdOrThrow(), ct));

    /// <summary>添加亲友</summary>
    /// <remarks>姓名、证件、关系、同意（未满 <c>MiniCode:Households:Relatives:GuardianConsentUnderAge</c> 岁须监护人同意）和首次健康申报。已存在的人须证明：亲友的人脸核验或其本人账号手机的短信同意；未满 <c>MiniCode:Households:Relatives:FaceExemptUnderAge</c> 岁或超过 <c>MiniCode:Households:Relatives:FaceExemptOverAge</c> 岁的居民身份证亲友可免证明，但只对本持有人可见（private）。答复不透露证件是否已存在。</remarks>
    internal static async Task<Created<RelativeView>> Add(AddRelativeRequest body, ClaimsPrincipal user, RelativeService relatives, CancellationToken ct)
    {
        var view = await relatives.AddAsync(user.AccountId(), user.PersonIdOrThrow(), body, ct);
        return TypedResults.Created($"/api/me/relatives/{view.Id}", view);
    }

    /// <summary>切换亲友码</summary>
    /// <remarks>本人和每位亲友的一项，含 <c>codePath</c>，用于在亮码页切换。</remarks>
    internal static async Task<Ok<IReadOnlyList<SwitchEntry>>> Switch(ClaimsPrincipal user, RelativeService relatives, CancellationToken ct) =>
        TypedResults.Ok(await relatives.SwitchListAsync(user.PersonIdOrThrow(), ct));

    /// <summary>亲友详情</summary>
    /// <remarks>一位亲友的姓名（脱敏）、证件（脱敏）、关系、码色和证明方式。</remarks>
    internal static async Task<Ok<RelativeView>> Get(long id, ClaimsPrincipal user, RelativeService relatives, CancellationToken ct) =>
        TypedResults.Ok(await relatives.GetAsync(user.PersonIdOrThrow(), id, ct));

    /// <summary>删除亲友</summary>
    /// <remarks>添加满 <c>MiniCode:Households:Relatives:DeleteAfterHours</c> 小时后才能删除（409 <c>relatives.delete_too_soon</c>）；其离线码随之吊销。</remarks>
    internal static async Task<NoContent> Delete(long id, ClaimsPrincipal user, RelativeService relatives, CancellationToken ct)
    {
        await relatives.DeleteAsync(user.PersonIdOrThrow(), id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>发送亲友同意短信</summary>
    /// <remarks>向亲友本人账号的手机发送同意验证码（purpose=relative-consent）；无论手机号是否属于该亲友，回答相同。</remarks>
    // Always sends (the same answer whether or not the phone belongs to anyone); whose phone it is counts only when the code comes back.
    internal static async Task<Ok<ConsentCodeSent>> SendConsentCode(ConsentCodeRequest body, SmsCodeService codes, HttpContext http, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Phone)!;
        var sent = await codes.SendAsync(phone, SmsPurposes.RelativeConsent, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", ct);
        return TypedResults.Ok(new ConsentCodeSent(SensitiveDataMasker.MaskPhone(phone), sent.ExpiresInSeconds, sent.ResendAfterSeconds));
    }

    /// <summary>为亲友申报</summary>
    /// <remarks>为亲友提交或修改健康申报，规则同本人申报。</remarks>
    internal static async Task<Ok<DeclarationView>> Declare(long id, DeclarationRequest body, ClaimsPrincipal user, RelativeService relatives, CancellationToken ct) =>
        TypedResults.Ok(await relatives.DeclareAsync(user.AccountId(), user.PersonIdOrThrow(), id, body, ct));

    /// <summary>亲友健康报告</summary>
    /// <remarks>私有（未证明）亲友为 403 <c>relatives.proof_required</c>。</remarks>
    // A private relative's report has the colour and only the history this holder caused, without results.
    internal static async Task<Ok<HealthReport>> Report(long id, ClaimsPrincipal user, HouseholdAccess access, RelativeService relatives,
        HealthReportService reports, CancellationToken ct)
    {
        var subject = await access.RelativeAsync(user, id, ct);
        return TypedResults.Ok(await reports.ReportAsync(subject.PersonId, ct, subject.Shared ? null : await relatives.HolderActorsAsync(user.PersonIdOrThrow(), ct)));
    }

    /// <summary>亲友核酸检测结果</summary>
    /// <remarks>私有亲友为 403。</remarks>
    internal static async Task<Ok<IReadOnlyList<NucleicAcidView>>> NucleicAcid(long id, ClaimsPrincipal user, HouseholdAccess access, HealthReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.NucleicAcidOfAsync(await access.SharedRelativePersonAsync(user, id, ct), ct));

    /// <summary>亲友疫苗接种记录</summary>
    /// <remarks>私有亲友为 403。</remarks>
    internal static async Task<Ok<IReadOnlyList<VaccinationView>>> Vaccinations(long id, ClaimsPrincipal user, HouseholdAccess access, HealthReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.VaccinationsOfAsync(await access.SharedRelativePersonAsync(user, id, ct), ct));

    /// <summary>亲友亮码</summary>
    /// <remarks>亲友的签名健康码，规则同本人亮码。</remarks>
    internal static async Task<Ok<CodeView>> Code(long id, ClaimsPrincipal user, HouseholdAccess access, ShowCodeService codes, HttpContext http, CancellationToken ct)
    {
        var personId = await access.RelativePersonAsync(user, id, ct);
        CodeImages.NoStore(http);
        return TypedResults.Ok(await codes.ShowAsync(user.CodeViewer(), personId, ct));
    }

    /// <summary>亲友亮码（PNG）</summary>
    /// <remarks>同亲友亮码，PNG 图片。</remarks>
    internal static async Task<FileContentHttpResult> CodePng(long id, ClaimsPrincipal user, HouseholdAccess access, ShowCodeService codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.CodeViewer(), await access.RelativePersonAsync(user, id, ct), ct);
        return CodeImages.Png(http, codes.Png(code), code.ExpiresAt, code.Color.WireName());
    }

    /// <summary>亲友亮码（SVG）</summary>
    /// <remarks>同亲友亮码，SVG 图片。</remarks>
    internal static async Task<FileContentHttpResult> CodeSvg(long id, ClaimsPrincipal user, HouseholdAccess access, ShowCodeService codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.CodeViewer(), await access.RelativePersonAsync(user, id, ct), ct);
        return CodeImages.Svg(http, codes.Svg(code), code.ExpiresAt, code.Color.WireName());
    }
}
