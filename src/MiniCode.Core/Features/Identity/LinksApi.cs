using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Security;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.WeChat;

namespace MiniCode.Features.Identity;

/// <summary>
/// 账号关联 and 登录设置 under <c>/api/me</c>: linking a WeChat, Alipay or phone login to this account with its proof,
/// unlinking one (never the last), and switching the session between normal and stay-logged-in.
/// </summary>
public static class LinksApi
{
    public static RouteGroupBuilder MapLinksApi(this RouteGroupBuilder me)
    {
        me.MapPost("/links/wechat", LinkWeChat)
            .ProducesErrors(WeChatErrors.Trouble, WeChatErrors.CodeInvalid, WeChatErrors.CodeUsed, WeChatErrors.UserBlocked,
                IdentityErrors.LoginInUse, IdentityErrors.LoginAlreadyLinked, CommonErrors.Conflict);
        me.MapPost("/links/alipay", LinkAlipay)
            .ProducesErrors(AlipayErrors.Trouble, AlipayErrors.CodeInvalid, IdentityErrors.LoginInUse, IdentityErrors.LoginAlreadyLinked, CommonErrors.Conflict);
        me.MapPost("/links/phone", MeApi.BindPhoneBySms).ProducesErrors(IdentityErrors.SmsCode, IdentityErrors.PhoneInUse);
        me.MapDelete("/links/{method}", Unlink)
            .ProducesErrors(WeChatErrors.Trouble, WeChatErrors.CodeInvalid, WeChatErrors.CodeUsed, WeChatErrors.UserBlocked)
            .ProducesErrors(AlipayErrors.Trouble, AlipayErrors.CodeInvalid)
            .ProducesErrors(IdentityErrors.SmsCode, IdentityErrors.LoginNotLinked, IdentityErrors.LastLogin, IdentityErrors.LoginProofInvalid);
        me.MapPut("/session", SwitchSession);
        return me;
    }

    /// <summary>关联微信</summary>
    /// <remarks>用 wx.login 的 code 把微信 openid 关联到本账号；该微信已属于其他账号时 409。</remarks>
    internal static async Task<Ok<AccountDto>> LinkWeChat(
        WeChatLoginRequest body, CurrentAccount me, IWeChatLoginClient wechat, AccountLogins logins, AccountDirectory accounts,
        MiniCodeDbContext db, CancellationToken ct)
    {
        var session = await wechat.CodeToSessionAsync(body.Code!, ct);
        // A further openid of the same unionid finds this account (holder); another WeChat user does not.
        return await LinkAsync(me.Account, await logins.ByWeChatAsync(session, ct), me.Account.WeChatOpenId is not null,
            () => logins.AttachWeChatAsync(me.Account, session, ct), accounts, db, ct);
    }

    /// <summary>关联支付宝</summary>
    /// <remarks>用 authCode 把支付宝 user_id 关联到本账号；已属于其他账号时 409。</remarks>
    internal static async Task<Ok<AccountDto>> LinkAlipay(
        AlipayLoginRequest body, CurrentAccount me, IAlipayLoginClient alipay, AccountLogins logins, AccountDirectory accounts,
        MiniCodeDbContext db, CancellationToken ct)
    {
        var token = await alipay.OAuthTokenAsync(body.AuthCode!, ct);
        return await LinkAsync(me.Account, await logins.ByAlipayAsync(token, ct), (me.Account.AlipayUserId ?? me.Account.AlipayOpenId) is not null,
            () => { AccountLogins.AttachAlipay(me.Account, token); return Task.CompletedTask; }, accounts, db, ct);
    }

    /// <summary>Links an identity <paramref name="holder"/> holds (if anyone): never another account's, never a second one of its kind.</summary>
    private static async Task<Ok<AccountDto>> LinkAsync(Account account, Account? holder, bool hasOneOfItsKind, Func<Task> attach,
        AccountDirectory accounts, MiniCodeDbContext db, CancellationToken ct)
    {
        if (holder is not null && holder.Id != account.Id) throw AccountLogins.LoginInUse(holder);
        if (holder is null && hasOneOfItsKind) throw new ApiException(IdentityErrors.LoginAlreadyLinked);
        await attach();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new ApiException(CommonErrors.Conflict, "该登录方式刚被其他账号绑定，请重试"); } // a parallel link won
        return TypedResults.Ok(await accounts.ToDtoAsync(account, ct));
    }

    /// <summary>解除登录方式</summary>
    /// <remarks>解除 wechat、alipay、phone 或 password 之一；最后一种登录方式不能解除（409）。</remarks>
    // The proof is a fresh login with the method itself (wechat, alipay) or an SMS code of purpose bind sent to the phone.
    internal static async Task<Ok<AccountDto>> Unlink(
        string method, [FromBody] UnlinkRequest body, CurrentAccount me, AccountLogins logins, AccountDirectory accounts,
        IWeChatLoginClient wechat, IAlipayLoginClient alipay, SmsCodeService codes, PersonalDataProtector protector, MiniCodeDbContext db,
        CancellationToken ct)
    {
        var account = me.Account;
        AccountLogins.EnsureUnlinkable(account, method);
        var proven = method switch
        {
            AccountLogins.Methods.WeChat => (await logins.ByWeChatAsync(await wechat.CodeToSessionAsync(body.Code!, ct), ct))?.Id == account.Id,
            AccountLogins.Methods.Alipay => (await logins.ByAlipayAsync(await alipay.OAuthTokenAsync(body.Code!, ct), ct))?.Id == account.Id,
            _ => await ConsumePhoneCodeAsync(codes, protector.Decrypt(account.PhoneCipher!), body.Code!, ct),
        };
        if (!proven) throw new ApiException(IdentityErrors.LoginProofInvalid);
        await logins.UnlinkAsync(account, method, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await accounts.ToDtoAsync(account, ct));
    }

    private static async Task<bool> ConsumePhoneCodeAsync(SmsCodeService codes, string phone, string code, CancellationToken ct)
    {
        await codes.ConsumeAsync(phone, SmsPurposes.Bind, code, ct);
        return true;
    }

    /// <summary>登录设置</summary>
    /// <remarks>把当前会话在普通（闲置 7 天、最长 30 天）和保持登录（365 天）之间切换，返回新的到期时间。</remarks>
    // 登录设置: this session switches to the 365-day lifetime or back to the normal one, counted from now.
    internal static async Task<Ok<SessionLifetimeDto>> SwitchSession(
        SessionLifetimeRequest body, ClaimsPrincipal user, SessionService sessions, CancellationToken ct)
    {
        var stay = body.StayLoggedIn!.Value;
        return TypedResults.Ok(new SessionLifetimeDto(stay, await sessions.SwitchLifetimeAsync(user.SessionIdOf(), stay, ct)));
    }
}
