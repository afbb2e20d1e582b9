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

    /// <summary>微信登录</summary>
    /// <remarks>用 <c>wx.login</c> 的 code（5 分钟内、只能用一次）登录：服务端调用 jscode2session，按 openid、再按 unionid 找到账号，否则新建。<c>stayLoggedIn</c> 为 true 时会话保持 365 天。</remarks>
    internal static async Task<Ok<LoginResponse>> WeChatLogin(
        WeChatLoginRequest body, IWeChatLoginClient wechat, AccountLogins logins, AccountDirectory accounts, CancellationToken ct)
    {
        var session = await wechat.CodeToSessionAsync(body.Code!, ct);
        var account = await logins.ByWeChatAsync(session, ct) ?? accounts.NewCitizen();
        await logins.AttachWeChatAsync(account, session, ct);
        return TypedResults.Ok(await accounts.LogInAsync(account, AccountLogins.Methods.WeChat, body.StayLoggedIn, ct));
    }

    /// <summary>支付宝登录</summary>
    /// <remarks>用 <c>my.getAuthCode</c> 的 authCode 登录：服务端调用 alipay.system.oauth.token，按 user_id 找到或新建账号。</remarks>
    internal static async Task<Ok<LoginResponse>> AlipayLogin(
        AlipayLoginRequest body, IAlipayLoginClient alipay, AccountLogins logins, AccountDirectory accounts, CancellationToken ct)
    {
        var token = await alipay.OAuthTokenAsync(body.AuthCode!, ct);
        var account = await logins.ByAlipayAsync(token, ct) ?? accounts.NewCitizen();
        AccountLogins.AttachAlipay(account, token);
        return TypedResults.Ok(await accounts.LogInAsync(account, AccountLogins.Methods.Alipay, body.StayLoggedIn, ct));
    }

    /// <summary>微信手机号一键登录</summary>
    /// <remarks><c>loginCode</c>（wx.login）和 <c>phoneCode</c>（getPhoneNumber 按钮）一起提交：登录持有该手机号的账号并关联此 openid，或新建账号。手机号已绑定其他账号时不会转移，409 并说明应使用的登录方式。</remarks>
    // 微信手机号快速验证: into the account holding the phone (the openid linked when it has none) or a new one.
    internal static async Task<Ok<LoginResponse>> WeChatPhoneLogin(
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

    /// <summary>支付宝手机号一键登录</summary>
    /// <remarks>authCode 与 <c>my.getPhoneNumber</c> 的加密 response 和 sign 原样提交；服务端验签解密后与微信一键登录规则相同。</remarks>
    // The same with Alipay's my.getPhoneNumber answer.
    internal static async Task<Ok<LoginResponse>> AlipayPhoneLogin(
        AlipayPhoneLoginRequest body, IAlipayLoginClient alipay, AlipayKeys keys, AccountLogins logins, AccountDirectory accounts, CancellationToken ct)
    {
        var phone = PlatformPhones.FromAlipay(body.Response!, body.Sign!, keys);
        var token = await alipay.OAuthTokenAsync(body.AuthCode!, ct);
        var byAlipay = await logins.ByAlipayAsync(token, ct);
        var account = await accounts.ForVerifiedPhoneAsync(byAlipay, phone, ct);
        if (account == byAlipay || (account.AlipayUserId ?? account.AlipayOpenId) is null) AccountLogins.AttachAlipay(account, token);
        return TypedResults.Ok(await accounts.LogInAsync(account, AccountLogins.Methods.Alipay, body.StayLoggedIn, ct));
    }

    /// <summary>发送短信验证码</summary>
    /// <remarks>用途 <c>purpose</c>：login、bind、register、reset-password、assisted-registration。按手机号和 IP 限频（429，<c>Retry-After</c>）；无论手机号是否存在回答相同。返回有效秒数和可重发秒数。</remarks>
    internal static async Task<Ok<SmsCodeSent>> SendCode(SmsCodeRequest body, SmsCodeService codes, HttpContext http, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Phone)!;
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return TypedResults.Ok(await codes.SendAsync(phone, body.Purpose!, ip, ct));
    }

    /// <summary>短信验证码登录</summary>
    /// <remarks>先用“发送短信验证码”（purpose=login）取得验证码；验证码 6 位、一次有效。手机号无账号时新建。</remarks>
    internal static async Task<Ok<LoginResponse>> SmsLogin(
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

    /// <summary>用户名密码注册</summary>
    /// <remarks>手机号 + 短信验证码（purpose=register）+ 用户名 + 密码（至少 <c>Identity:Password:MinLength</c> 位，含字母和数字）。无论手机号是否已注册，验证码核对前的回答相同。</remarks>
    internal static async Task<Ok<LoginResponse>> Register(
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

    /// <summary>用户名（或手机号）密码登录</summary>
    /// <remarks>同一来源地址对同一账号连续输错达到上限后，该地址暂时不能再试（429，<c>Retry-After</c>），账号本人在别处仍可登录；来自所有地址的错误次数过多时，每次再试须等待一段时间。已注册与未注册的账号回答相同。</remarks>
    internal static async Task<Ok<LoginResponse>> PasswordLogin(
        PasswordLoginRequest body, HttpContext http, AccountDirectory accounts, PasswordHasher hasher, MiniCodeDbContext db, LoginThrottle throttle,
        TimeProvider time, IOptions<IdentityOptions> options, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Login);
        var login = phone ?? body.Login!.Trim();
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var rules = options.Value.Password;
        // Keyed by the name given, known or not, so the answers are the same for both (no enumeration); checked before
        // the account is even looked up.
        var nameKey = throttle.CitizenKey(login);
        var addressKey = throttle.CitizenKey(login, address);
        if (await throttle.HeldUntilAsync(LoginThrottle.CitizenAllAddresses, nameKey, ct) is { } held) throw Locked(held, time);
        if (await throttle.TakeAttemptAsync(LoginThrottle.Citizen, addressKey, rules.MaxFailedAttempts, rules.LockoutDuration, ct) is { } blocked)
            throw Locked(blocked, time);
        var account = phone is not null
            ? await accounts.ByPhoneAsync(phone, ct)
            : await db.Set<Account>().Include(a => a.Person).FirstOrDefaultAsync(a => a.Username == login, ct);
        // An unknown name costs the same hashing time as a known one.
        if (!hasher.Verify(body.Password!, account?.PasswordHash ?? hasher.DummyHash) || account?.PasswordHash is null)
        {
            await throttle.AttemptFailedAsync(LoginThrottle.Citizen, addressKey, rules.MaxFailedAttempts, rules.LockoutDuration, ct);
            await throttle.CountTowardsCeilingAsync(nameKey, rules.MaxFailedAttemptsAllAddresses, rules.AllAddressesDelay, ct);
            throw new ApiException(IdentityErrors.CredentialsInvalid);
        }
        await throttle.ClearCitizenAsync(addressKey, nameKey, ct);
        account.FailedPasswordAttempts = 0;
        account.LockedUntil = null;
        return TypedResults.Ok(await accounts.LogInAsync(account, "password", body.StayLoggedIn, ct));
    }

    private static ApiException Locked(DateTimeOffset until, TimeProvider time) =>
        new(IdentityErrors.AccountLocked) { RetryAfterSeconds = Math.Max(1, (int)Math.Ceiling((until - time.GetUtcNow()).TotalSeconds)) };

    /// <summary>找回密码</summary>
    /// <remarks>手机号 + 短信验证码（purpose=reset-password）+ 新密码；成功后该账号的其他会话全部失效。</remarks>
    internal static async Task<NoContent> ResetPassword(
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

    /// <summary>退出登录</summary>
    /// <remarks>结束当前会话（令牌立即失效）。</remarks>
    internal static async Task<NoContent> Logout(ClaimsPrincipal user, SessionService sessions, CancellationToken ct)
    {
        await sessions.RevokeAsync(user.SessionIdOf(), ct);
        return TypedResults.NoContent();
    }
}
