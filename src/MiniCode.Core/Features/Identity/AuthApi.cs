using System.Security.Claims;
using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Security;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.WeChat;

namespace MiniCode.Features.Identity;

/// <summary>Logins (WeChat, Alipay, SMS, password), registration, password reset, logout and SMS codes.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapApiGroup("/api/auth").WithTags("Auth").RequireRateLimiting(FoundationSetup.RateLimits.PerClient);
        auth.MapPost("/wechat/login", WeChatLogin)
            .ProducesErrors(WeChatErrors.Trouble, WeChatErrors.CodeInvalid, WeChatErrors.CodeUsed, WeChatErrors.UserBlocked,
                IdentityErrors.AccountDisabled, CommonErrors.Conflict);
        auth.MapPost("/alipay/login", AlipayLogin)
            .ProducesErrors(AlipayErrors.Trouble, AlipayErrors.CodeInvalid, IdentityErrors.AccountDisabled, CommonErrors.Conflict);
        auth.MapPost("/wechat/phone-login", WeChatPhoneLogin)
            .ProducesErrors(WeChatErrors.Trouble, WeChatErrors.CodeInvalid, WeChatErrors.CodeUsed, WeChatErrors.UserBlocked,
                IdentityErrors.PhoneBoundElsewhere, IdentityErrors.AccountDisabled, CommonErrors.Conflict);
        auth.MapPost("/alipay/phone-login", AlipayPhoneLogin)
            .ProducesErrors(AlipayErrors.Trouble, AlipayErrors.CodeInvalid, AlipayErrors.PhoneSignatureInvalid, AlipayErrors.PhoneDecryptFailed,
                IdentityErrors.PhoneBoundElsewhere, IdentityErrors.AccountDisabled, CommonErrors.Conflict);
        auth.MapPost("/sms/login", SmsLogin).ProducesErrors(IdentityErrors.SmsCode, IdentityErrors.AccountDisabled, IdentityErrors.PhoneInUse, CommonErrors.Conflict);
        auth.MapPost("/password/register", Register)
            .ProducesErrors(IdentityErrors.SmsCode, IdentityErrors.PhoneRegistered, IdentityErrors.UsernameTaken, IdentityErrors.PhoneInUse, CommonErrors.Conflict);
        auth.MapPost("/password/login", PasswordLogin)
            .ProducesErrors(IdentityErrors.CredentialsInvalid, IdentityErrors.AccountLocked, IdentityErrors.AccountDisabled, CommonErrors.Conflict);
        auth.MapPost("/password/reset", ResetPassword).ProducesErrors(IdentityErrors.SmsCode, IdentityErrors.AccountNotFound, IdentityErrors.AccountDisabled);
        auth.MapPost("/logout", Logout).RequireAuthorization().ProducesErrors(SessionErrors.Challenge);

        app.MapApiGroup("/api/sms").WithTags("Auth").RequireRateLimiting(FoundationSetup.RateLimits.PerClient)
            .MapPost("/codes", SendCode).ProducesErrors(IdentityErrors.SmsSend);
        return app;
    }

    private static async Task<Ok<LoginResponse>> WeChatLogin(
        WeChatLoginRequest body, IWeChatLoginClient wechat, AccountLogins logins, AccountDirectory accounts, CancellationToken ct)
    {
        var session = await wechat.CodeToSessionAsync(body.Code!, ct);
        var account = await logins.ByWeChatAsync(session, ct) ?? accounts.NewCitizen();
        await logins.AttachWeChatAsync(account, session, ct);
        return TypedResults.Ok(await accounts.LogInAsync(account, AccountLogins.Methods.WeChat, body.StayLoggedIn, ct));
    }

    private static async Task<Ok<LoginResponse>> AlipayLogin(
        AlipayLoginRequest body, IAlipayLoginClient alipay, AccountLogins logins, AccountDirectory accounts, CancellationToken ct)
    {
        var token = await alipay.OAuthTokenAsync(body.AuthCode!, ct);
        var account = await logins.ByAlipayAsync(token, ct) ?? accounts.NewCitizen();
        AccountLogins.AttachAlipay(account, token);
        return TypedResults.Ok(await accounts.LogInAsync(account, AccountLogins.Methods.Alipay, body.StayLoggedIn, ct));
    }

    /// <summary>微信手机号快速验证: into the account holding the phone (the openid linked when it has none) or a new one.</summary>
    private static async Task<Ok<LoginResponse>> WeChatPhoneLogin(
        WeChatPhoneLoginRequest body, IWeChatLoginClient wechat, AccountLogins logins, AccountDirectory accounts, CancellationToken ct)
    {
        var session = await wechat.CodeToSessionAsync(body.LoginCode!, ct);
        var phone = PlatformPhones.FromWeChat(await wechat.GetUserPhoneNumberAsync(body.PhoneCode!, ct), "phoneCode");
        var byWeChat = await logins.ByWeChatAsync(session, ct);
        var account = await accounts.ForVerifiedPhoneAsync(byWeChat, phone, ct);
        // Another WeChat user's account reached by the phone is logged into, but gets no second WeChat user.
        if (account == byWeChat || account.WeChatOpenId is null) await logins.AttachWeChatAsync(account, session, ct);
        return TypedResults.Ok(await accounts.LogInAsync(account, AccountLogins.Methods.WeChat, body.StayLoggedIn, ct));
    }

    /// <summary>The same with Alipay's <c>my.getPhoneNumber</c> answer.</summary>
    private static async Task<Ok<LoginResponse>> AlipayPhoneLogin(
        AlipayPhoneLoginRequest body, IAlipayLoginClient alipay, AlipayKeys keys, AccountLogins logins, AccountDirectory accounts, CancellationToken ct)
    {
        var phone = PlatformPhones.FromAlipay(body.Response!, body.Sign!, keys);
        var token = await alipay.OAuthTokenAsync(body.AuthCode!, ct);
        var byAlipay = await logins.ByAlipayAsync(token, ct);
        var account = await accounts.ForVerifiedPhoneAsync(byAlipay, phone, ct);
        if (account == byAlipay || (account.AlipayUserId ?? account.AlipayOpenId) is null) AccountLogins.AttachAlipay(account, token);
        return TypedResults.Ok(await accounts.LogInAsync(account, AccountLogins.Methods.Alipay, body.StayLoggedIn, ct));
    }

    private static async Task<Ok<SmsCodeSent>> SendCode(SmsCodeRequest body, SmsCodeService codes, HttpContext http, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Phone)!;
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return TypedResults.Ok(await codes.SendAsync(phone, body.Purpose!, ip, ct));
    }

    private static async Task<Ok<LoginResponse>> SmsLogin(
        SmsLoginRequest body, SmsCodeService codes, AccountDirectory accounts, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Phone)!;
        // The code first: until it is checked, a known and an unknown phone get the same answers (M4).
        await codes.ConsumeAsync(phone, SmsPurposes.Login, body.Code!, ct);
        var account = await accounts.ByPhoneAsync(phone, ct);
        if (account is null)
        {
            account = accounts.NewCitizen();
            await accounts.AttachPhoneAsync(account, phone, ct);
        }
        return TypedResults.Ok(await accounts.LogInAsync(account, "sms", body.StayLoggedIn, ct));
    }

    private static async Task<Ok<LoginResponse>> Register(
        PasswordRegisterRequest body, SmsCodeService codes, AccountDirectory accounts, PasswordHasher hasher, MiniCodeDbContext db, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Phone)!;
        if (body.Username is not null && await db.Set<Account>().AnyAsync(a => a.Username == body.Username, ct))
            throw new ApiException(IdentityErrors.UsernameTaken);
        // Whether the phone is registered is told only to whoever holds it (M4).
        await codes.ConsumeAsync(phone, SmsPurposes.Register, body.Code!, ct);
        if (await accounts.ByPhoneAsync(phone, ct) is not null) throw new ApiException(IdentityErrors.PhoneRegistered);
        var account = accounts.NewCitizen();
        account.Username = body.Username;
        account.PasswordHash = hasher.Hash(body.Password!);
        await accounts.AttachPhoneAsync(account, phone, ct);
        return TypedResults.Ok(await accounts.LogInAsync(account, "password", body.StayLoggedIn, ct));
    }

    private static async Task<Ok<LoginResponse>> PasswordLogin(
        PasswordLoginRequest body, AccountDirectory accounts, PasswordHasher hasher, MiniCodeDbContext db, TimeProvider time,
        IOptions<IdentityOptions> options, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Login);
        var account = phone is not null
            ? await accounts.ByPhoneAsync(phone, ct)
            : await db.Set<Account>().Include(a => a.Person).FirstOrDefaultAsync(a => a.Username == body.Login, ct);
        var now = time.GetUtcNow();
        if (account?.LockedUntil is { } until && until > now)
            throw new ApiException(IdentityErrors.AccountLocked) { RetryAfterSeconds = (int)Math.Ceiling((until - now).TotalSeconds) };
        if (account is null || !hasher.Verify(body.Password!, account.PasswordHash))
        {
            if (account?.PasswordHash is not null)
            {
                // Atomic counter updates, so parallel guesses on several nodes are all counted.
                var rules = options.Value.Password;
                var id = account.Id;
                await db.Set<Account>().Where(a => a.Id == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.FailedPasswordAttempts, a => a.FailedPasswordAttempts + 1), ct);
                var lockUntil = now + rules.LockoutDuration;
                await db.Set<Account>().Where(a => a.Id == id && a.FailedPasswordAttempts >= rules.MaxFailedAttempts)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.LockedUntil, lockUntil).SetProperty(a => a.FailedPasswordAttempts, 0), ct);
            }
            throw new ApiException(IdentityErrors.CredentialsInvalid);
        }
        account.FailedPasswordAttempts = 0;
        account.LockedUntil = null;
        return TypedResults.Ok(await accounts.LogInAsync(account, "password", body.StayLoggedIn, ct));
    }

    private static async Task<NoContent> ResetPassword(
        PasswordResetRequest body, SmsCodeService codes, AccountDirectory accounts, PasswordHasher hasher, MiniCodeDbContext db,
        SessionService sessions, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Phone)!;
        // The code first: until it is checked, a known and an unknown phone get the same answers (M4).
        await codes.ConsumeAsync(phone, SmsPurposes.ResetPassword, body.Code!, ct);
        var account = await accounts.ByPhoneAsync(phone, ct) ?? throw new ApiException(IdentityErrors.AccountNotFound);
        AccountDirectory.EnsureActive(account);
        account.PasswordHash = hasher.Hash(body.NewPassword!);
        account.FailedPasswordAttempts = 0;
        account.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        // Whoever knew the old password is logged out everywhere.
        await sessions.RevokeAllAsync(account.Id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Logout(ClaimsPrincipal user, SessionService sessions, CancellationToken ct)
    {
        await sessions.RevokeAsync(user.SessionIdOf(), ct);
        return TypedResults.NoContent();
    }
}
