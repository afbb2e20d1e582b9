using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using System.Security.Claims;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.HealthCodes.Reports;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Rendering;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes;

/// <summary>
/// Health codes (GB/T 38962 interface names): 健康申报 <c>/api/me/declaration</c>, 制码/亮码 <c>/api/me/code</c>,
/// 验码 <c>/api/codes/verify</c>, verification keys <c>/api/keys</c>, and the citizen's own data and notices.
/// </summary>
public static class HealthCodesApi
{
    public sealed record VerifyRequest(string? Payload) : IValidatable
    {
        public void Validate(InputValidator v, IServiceProvider services) =>
            v.Check(Payload is not null && Payload.Length <= 1000, "payload", "请提供二维码内容");
    }

    public sealed record VerifyResponse(bool Valid, string? Reason, HealthColor? Color, string? Type, DateTimeOffset? IssuedAt,
        DateTimeOffset? ExpiresAt, string? MaskedName, string? PortraitReference, CodeSubjectView? Subject,
        string? Category = null, string? Issuer = null, string? ExternalSubject = null, IReadOnlyList<DisclosedTag>? Tags = null);

    public static IEndpointRouteBuilder MapHealthCodesApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/keys").WithTags("HealthCodes").AllowAnonymous().MapGet("", Keys);

        // Everything here is about the caller's own person: real name first.
        var me = app.MapApiGroup("/api/me").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("HealthCodes")
            .ProducesErrors(SessionErrors.Challenge, SessionErrors.RealNameRequired);
        me.MapGet("/declaration", GetDeclaration).ProducesErrors(HealthCodeErrors.DeclarationRequired);
        me.MapPost("/declaration", SubmitDeclaration).ProducesErrors(CommonErrors.ValidationFailed, HealthCodeErrors.DeclarationTooSoon);
        me.MapGet("/code", ShowCode).ProducesErrors(HealthCodeErrors.ShowCode).WithHotPath(HealthCodesHotPaths.ShowCodeAsync);
        me.MapGet("/code.png", ShowCodePng).ProducesErrors(HealthCodeErrors.ShowCode);
        me.MapGet("/code.svg", ShowCodeSvg).ProducesErrors(HealthCodeErrors.ShowCode);
        me.MapNoticesApi();
        me.MapAppealsApi();
        me.MapReportsApi();
        me.MapCitizenScan();

        // Scanners (session) and registered applications (API key) both verify; applications also generate.
        var codes = app.MapApiGroup("/api/codes").RequireAuthorization(HealthCodesSetup.VerifierPolicy)
            .RequireRateLimiting(HealthCodesSetup.VerifyRateLimit).AddEndpointFilter(VerifyRateLimits.PerPrincipalFilter).WithTags("HealthCodes")
            .ProducesErrors(SessionErrors.Challenge, HealthCodeErrors.ApiKeyInvalid);
        codes.MapPost("/verify", Verify).ProducesErrors(ApplicationErrors.Verify).ProducesErrors(HealthCodeErrors.IssuerKeysUnavailable)
            .WithHotPath(HealthCodesHotPaths.VerifyAsync);
        codes.MapPost("", Generate).ProducesErrors(ApplicationErrors.Generate).ProducesErrors(CommonErrors.ValidationFailed, CommonErrors.Conflict);

        app.MapImportsApi();
        return app;
    }

    /// <summary>验码公钥（JWKS）</summary>
    /// <remarks>所有有效的码签名公钥（ES256，P-256），<c>kid</c> 为载荷中 keyId 的 8 位小写十六进制。可缓存 5 分钟；离线核验端至少每天刷新（见 qr-payload.md）。无需登录。</remarks>
    internal static Ok<Jwks.JsonWebKeySet> Keys(SigningKeyRing ring, HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(Jwks.From(ring));
    }

    /// <summary>我的健康申报</summary>
    /// <remarks>当前申报内容及下次可修改时间；从未申报时为 409 <c>codes.declaration_required</c>。</remarks>
    internal static async Task<Ok<DeclarationView>> GetDeclaration(ClaimsPrincipal user, DeclarationService declarations, CancellationToken ct) =>
        TypedResults.Ok(await declarations.GetAsync(user.PersonIdOrThrow(), ct) ?? throw new ApiException(HealthCodeErrors.DeclarationRequired));

    /// <summary>提交或修改健康申报</summary>
    /// <remarks>症状（可为空列表）、体温、现居地区码和地址；申报后重新判码。24 小时内只能修改一次（409 <c>declaration.too_soon</c>）。</remarks>
    internal static async Task<Ok<DeclarationView>> SubmitDeclaration(ClaimsPrincipal user, DeclarationRequest body, DeclarationService declarations, CancellationToken ct)
    {
        var personId = user.PersonIdOrThrow();
        return TypedResults.Ok(await declarations.SubmitAsync(personId, body, $"citizen:{user.AccountId()}", ct));
    }

    /// <summary>亮码</summary>
    /// <remarks>签名的健康码（MC1 文本，120 字符）及当前颜色、原因、指引、徽章和样式；有效期 <c>MiniCode:HealthCodes:LiveCodeSeconds</c> 秒（默认 60），到期前重新获取。需已实名并已申报；开启亮码前人脸核验（<c>MiniCode:HealthCodes:FaceCheck:Required</c>）时可能要求先核验。</remarks>
    internal static async Task<Ok<CodeView>> ShowCode(ClaimsPrincipal user, ShowCodeService codes, HttpContext http, CancellationToken ct)
    {
        CodeImages.NoStore(http);
        return TypedResults.Ok(await codes.ShowAsync(user.CodeViewer(), user.PersonIdOrThrow(), ct));
    }

    /// <summary>亮码（PNG 图片）</summary>
    /// <remarks>与亮码相同的码，渲染为 PNG；颜色和到期时间在 <c>X-Code-Color</c>、<c>X-Code-Expires</c> 响应头中。</remarks>
    internal static async Task<FileContentHttpResult> ShowCodePng(ClaimsPrincipal user, ShowCodeService codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.CodeViewer(), user.PersonIdOrThrow(), ct);
        return CodeImages.Png(http, codes.Png(code), code.ExpiresAt, code.Color.WireName());
    }

    /// <summary>亮码（SVG 图片）</summary>
    /// <remarks>与亮码相同的码，渲染为 SVG；颜色和到期时间在响应头中。</remarks>
    internal static async Task<FileContentHttpResult> ShowCodeSvg(ClaimsPrincipal user, ShowCodeService codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.CodeViewer(), user.PersonIdOrThrow(), ct);
        return CodeImages.Svg(http, codes.Svg(code), code.ExpiresAt, code.Color.WireName());
    }

    /// <summary>验码</summary>
    /// <remarks>核验扫到的码文本：格式、签名（只接受低 S）、公钥、有效期和吊销，按此顺序，第一个不通过的即为原因（malformed、bad_signature、unknown_key、expired、revoked）。健康码答持码人当前颜色、脱敏姓名和（本人开启时）人像引用；一码通各类码答 <c>subject</c>，并答码分类 <c>category</c>。不以 <c>MC1:</c> 开头的文本按已登记的第三方码发码方核验（ES256 JWS，见 qr-payload.md），答 <c>category</c>、<c>issuer</c>；发码方停用时为 revoked，其公钥过期未刷新时为 503 <c>codes.issuer_keys_unavailable</c>。扫码员会话或已登记应用的密钥均可调用：应用的扫码权限关闭或码分类不在其授权内为 403，是否看到脱敏姓名和人像按其授权；数字空间标签（<c>tags</c>）只答给标签类型关联了该码分类并授权给该应用的应用，其余调用方（含扫码员）为 null；限流 <c>MiniCode:HealthCodes:VerifyPerMinute</c> 次/分钟，应用另有各自的每分钟上限。</remarks>
    internal static async Task<Ok<VerifyResponse>> Verify(VerifyRequest body, HealthCodeVerifier verifier, IForeignCodeVerifier thirdParty, ApplicationGate gate,
        ICodeTagDisclosure tagDisclosure, HttpContext http, CancellationToken ct)
    {
        // Prefix dispatch first: MiniCode's own codes never wait on the third-party issuers.
        if (!body.Payload!.StartsWith(CodePayload.Prefix, StringComparison.Ordinal) && await thirdParty.VerifyAsync(body.Payload, ct) is { } f)
            return TypedResults.Ok(new VerifyResponse(f.Valid, new VerificationResult(f.Valid, f.Reason, null, null, null, null).ReasonCode, null, "third_party",
                f.IssuedAt, f.ExpiresAt, null, null, null, f.Category, f.Issuer, f.Subject));
        var grant = ApplicationGate.Of(http);
        var r = await verifier.VerifyAsync(body.Payload, ct, grant is null ? null : gate.AdmitVerify(grant));
        if (r.Reason == VerifyFailure.NotPermitted) ApplicationGate.RefuseCategory();
        var name = grant is null || grant.SeesMaskedName;
        var subject = r.Subject is { } s && !name ? s with { MaskedHolder = null } : r.Subject;
        // Tags only ever go to an application the tag kind names for this code's category; scanner sessions never see any.
        var tags = grant is not null && r.Valid && r.Claims is { } claims && await tagDisclosure.ForAsync(claims, grant, ct) is { Count: > 0 } shown ? shown : null;
        return TypedResults.Ok(new VerifyResponse(r.Valid, r.ReasonCode, r.Color, r.Claims is { } c ? c.Type.WireName() : null,
            r.Claims?.IssuedAt, r.Claims?.ExpiresAt, name ? r.MaskedName : null, grant is null || grant.SeesPortrait ? r.PortraitReference : null, subject,
            r.Claims is { } t ? CodeCategories.Of(t.Type) : null, Tags: tags));
    }

    /// <summary>应用生码</summary>
    /// <remarks>已登记的应用为自己的对象生成码（如场所系统为其场所生成张贴码）：<c>category</c> 须在其生成权限内（关闭或不在内为 403），<c>subjectRef</c> 为应用自己的对象标识，首次调用以 <c>subject</c> 登记对象，之后返回当前码。目前可生成的分类：poster。</remarks>
    internal static async Task<Ok<GeneratedCode>> Generate(GenerateCodeRequest body, ApplicationGate gate, IEnumerable<IApplicationCodeIssuer> issuers,
        CodeUsageCounters counters, HttpContext http, CancellationToken ct)
    {
        var grant = ApplicationGate.Of(http) ?? throw new ApiException(ApplicationErrors.ApplicationsOnly);
        var category = body.Category!.Trim();
        gate.AdmitGenerate(grant, category);
        var issuer = issuers.FirstOrDefault(i => i.Category == category) ?? throw new ApiException(ApplicationErrors.GenerationUnsupported);
        var code = await issuer.IssueAsync(grant, body, ct);
        counters.Increment(CodeUsage.UnknownType, null, CodeUsage.Generated, grant.StatisticsKey);
        return TypedResults.Ok(code);
    }
}
