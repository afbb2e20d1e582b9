using MiniCode.Infrastructure.Hosting;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using MiniCode.Features.Jobs;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Sessions;

/// <summary>
/// The mini-program API's authentication: <c>Authorization: Bearer &lt;session token&gt;</c>. Failures answer a 401
/// ProblemDetails whose code says why (missing, expired, revoked) so the client knows to log in again.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Deferred<SessionService> sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";
    private const string FailureKey = "minicode.auth.failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        if (TokenOf(header) is not { } token) return Fail(SessionErrors.Invalid);

        var result = await sessions.Value.ValidateAsync(token, Context.RequestAborted);
        switch (result.Outcome)
        {
            case SessionService.Outcome.Valid:
                var session = result.Session!;
                var identity = new ClaimsIdentity(SchemeName);
                // Each claim made with its identity as subject: one given without would be copied by AddClaim.
                static void Add(ClaimsIdentity identity, string type, string value) =>
                    identity.AddClaim(new Claim(type, value, ClaimValueTypes.String, ClaimsIdentity.DefaultIssuer, ClaimsIdentity.DefaultIssuer, identity));
                Add(identity, ClaimTypes.NameIdentifier, session.AccountIdText);
                Add(identity, SessionClaims.Kind, session.KindText);
                Add(identity, SessionClaims.SessionId, session.IdText);
                if (session.PersonIdText is { } personId) Add(identity, SessionClaims.PersonId, personId);
                return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
            case SessionService.Outcome.Expired: return Fail(SessionErrors.Expired);
            case SessionService.Outcome.Revoked: return Fail(SessionErrors.Revoked);
            case SessionService.Outcome.AccountInactive: return Fail(SessionErrors.AccountDisabled);
            default: return Fail(SessionErrors.Invalid);
        }
    }

    private const string BearerPrefix = "Bearer ";

    /// <summary>The session token of an <c>Authorization: Bearer</c> header, or null when there is none or it cannot be one.</summary>
    internal static string? TokenOf(string header)
    {
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[BearerPrefix.Length..].Trim();
        return token.Length is 0 or > 200 ? null : token;
    }

    private AuthenticateResult Fail(ErrorCode error)
    {
        Context.Items[FailureKey] = error;
        return AuthenticateResult.Fail(error.Code);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var error = Context.Items[FailureKey] as ErrorCode ?? CommonErrors.Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        throw new ApiException(error);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => throw new ApiException(CommonErrors.Forbidden);
}

public static class SessionErrors
{
    public static readonly ErrorCode Invalid = new("auth.session_invalid", 401, "登录状态无效，请重新登录");
    public static readonly ErrorCode Expired = new("auth.session_expired", 401, "登录已过期，请重新登录");
    public static readonly ErrorCode Revoked = new("auth.session_revoked", 401, "您已退出登录，请重新登录");
    public static readonly ErrorCode AccountDisabled = new("auth.account_disabled", 401, "账号已停用");
    public static readonly ErrorCode RealNameRequired = new("auth.real_name_required", 403, "请先完成实名认证");

    /// <summary>What an endpoint behind a session policy can answer before its handler runs: no session, a bad or ended one, one of another kind.</summary>
    public static readonly IReadOnlyList<ErrorCode> Challenge =
        [CommonErrors.Unauthorized, Invalid, Expired, Revoked, AccountDisabled, CommonErrors.Forbidden];
}

public static class SessionClaims
{
    public const string Kind = "minicode:kind";
    public const string PersonId = "minicode:person";
    public const string SessionId = "minicode:sid";

    public static long AccountId(this ClaimsPrincipal user) =>
        long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new ApiException(CommonErrors.Unauthorized), System.Globalization.CultureInfo.InvariantCulture);

    public static long SessionIdOf(this ClaimsPrincipal user) =>
        long.Parse(user.FindFirstValue(SessionId) ?? throw new ApiException(CommonErrors.Unauthorized), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The person behind the account; a 403 <c>auth.real_name_required</c> when real-name verification is not done.</summary>
    public static long PersonIdOrThrow(this ClaimsPrincipal user) => user.PersonIdOrNull() ?? throw new ApiException(SessionErrors.RealNameRequired);

    /// <summary>The person behind the account, or null before real-name verification.</summary>
    public static long? PersonIdOrNull(this ClaimsPrincipal user) =>
        user.FindFirstValue(PersonId) is { } id ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static AccountKind KindOf(this ClaimsPrincipal user) =>
        Enum.Parse<AccountKind>(user.FindFirstValue(Kind) ?? nameof(AccountKind.Citizen));
}
