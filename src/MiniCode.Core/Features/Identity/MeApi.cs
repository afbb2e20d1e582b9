using MiniCode.Infrastructure.Security;
using System.Security.Claims;
using MiniCode.Data;
using MiniCode.Features.Identity.Consents;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.WeChat;

namespace MiniCode.Features.Identity;

/// <summary>The citizen's own account: profile, phone binding, real name, password, deletion. Handlers get the account bound (<see cref="CurrentAccount"/>).</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapApiGroup("/api/me").WithTags("Me").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).ProducesErrors(SessionErrors.Challenge);
        me.MapGet("/", GetMe);
        me.MapDelete("/", DeleteMe);
        me.MapPost("/phone/sms", BindPhoneBySms).ProducesErrors(IdentityErrors.SmsCode, IdentityErrors.PhoneInUse);
        me.MapPost("/phone/wechat", BindPhoneByWeChat).ProducesErrors(WeChatErrors.Trouble, WeChatErrors.CodeInvalid, IdentityErrors.PhoneInUse);
        me.MapPost("/phone/alipay", BindPhoneByAlipay)
            .ProducesErrors(AlipayErrors.PhoneSignatureInvalid, AlipayErrors.PhoneDecryptFailed, IdentityErrors.PhoneInUse);
        me.MapPost("/real-name", RealName).ProducesErrors(IdentityErrors.RealName).ProducesErrors(IdentityErrors.ConsentWithdrawn);
        me.MapPost("/real-name/document", RealNameByDocument).ProducesErrors(IdentityErrors.RealName).ProducesErrors(IdentityErrors.ConsentWithdrawn);
        me.MapPost("/password", ChangePassword).ProducesErrors(IdentityErrors.PasswordWrong);
        me.MapPost("/face-check", FaceCheck).ProducesErrors(IdentityErrors.Face, SessionErrors.RealNameRequired, IdentityErrors.ConsentWithdrawn);
        me.MapLinksApi();
        me.MapConsentsApi();
        me.MapPost("/wechat/open-data", WeChatOpenData.Check)
            .ProducesErrors(WeChatOpenData.SessionKeyMissing, WeChatOpenData.SignatureInvalid, WeChatOpenData.DecryptFailed);
        return app;
    }

    /// <summary>我的账号</summary>
    /// <remarks>账号信息：脱敏手机号、用户名、是否设置密码、绑定的微信/支付宝、实名状态（脱敏姓名和证件号）及已关联的全部登录方式。</remarks>
    internal static async Task<Ok<AccountDto>> GetMe(CurrentAccount me, AccountDirectory accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ToDtoAsync(me.Account, ct));

    /// <summary>注销账号</summary>
    /// <remarks>删除本账号；没有其他账号关联同一人时，该人的身份信息匿名化。核酸、疫苗、风险名单等健康事实按证件盲索引保留，重新注册后码色不变。</remarks>
    internal static async Task<NoContent> DeleteMe(CurrentAccount me, AccountDeletion deletion, CancellationToken ct)
    {
        await deletion.DeleteAsync(me.Account, ct);
        return TypedResults.NoContent();
    }

    /// <summary>亮码前人脸核验</summary>
    /// <remarks>提交人脸核验结果（purpose=face_check）。核验的是本账号本人，亲友亮码也以持有人的核验为准；按 <c>MiniCode:HealthCodes:FaceCheck:Interval</c>：Session（默认，每个登录会话一次）、Minutes（<c>MaxAgeMinutes</c> 分钟内有效）或 EveryShowing（每次亮码用掉一次核验）。</remarks>
    internal static async Task<Ok<FaceCheckResult>> FaceCheck(FaceCheckRequest body, ClaimsPrincipal user, FaceCheckService faces, ConsentService consents,
        MiniCodeDbContext db, CancellationToken ct)
    {
        var personId = user.PersonIdOrThrow();
        await consents.RequireAsync(user.AccountId(), ConsentPurposes.FaceVerification, ct);
        var result = await faces.VerifyAsync(user.AccountId(), user.SessionIdOf(), personId, body.VerificationToken!, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(result);
    }

    /// <summary>短信绑定手机号</summary>
    /// <remarks>手机号 + 短信验证码（purpose=bind）；手机号已属于其他账号时 409。</remarks>
    internal static async Task<Ok<AccountDto>> BindPhoneBySms(
        BindPhoneBySmsRequest body, CurrentAccount me, AccountDirectory accounts, SmsCodeService codes, MiniCodeDbContext db, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Phone)!;
        var account = me.Account;
        // The code first: whether the phone is bound elsewhere is told only to whoever holds it (M4).
        await codes.ConsumeAsync(phone, SmsPurposes.Bind, body.Code!, ct);
        await accounts.AttachPhoneAsync(account, phone, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await accounts.ToDtoAsync(account, ct));
    }

    /// <summary>微信绑定手机号</summary>
    /// <remarks>getPhoneNumber 按钮的 code，服务端调用 getuserphonenumber；不在客户端解密。</remarks>
    internal static async Task<Ok<AccountDto>> BindPhoneByWeChat(
        BindPhoneByWeChatRequest body, CurrentAccount me, AccountDirectory accounts, IWeChatLoginClient wechat, MiniCodeDbContext db, CancellationToken ct)
    {
        var account = me.Account;
        var phone = PlatformPhones.FromWeChat(await wechat.GetUserPhoneNumberAsync(body.Code!, ct), "code");
        await accounts.AttachPhoneAsync(account, phone, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await accounts.ToDtoAsync(account, ct));
    }

    /// <summary>支付宝绑定手机号</summary>
    /// <remarks>my.getPhoneNumber 的加密 response 和 sign 原样提交，服务端验签解密。</remarks>
    internal static async Task<Ok<AccountDto>> BindPhoneByAlipay(
        BindPhoneByAlipayRequest body, CurrentAccount me, AccountDirectory accounts, AlipayKeys keys, MiniCodeDbContext db, CancellationToken ct)
    {
        var phone = PlatformPhones.FromAlipay(body.Response!, body.Sign!, keys);
        var account = me.Account;
        await accounts.AttachPhoneAsync(account, phone, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await accounts.ToDtoAsync(account, ct));
    }

    /// <summary>实名认证（居民身份证）</summary>
    /// <remarks>姓名 + 18 位身份证号 + 人脸核验结果（<c>faceToken</c>，来自“开始人脸核验”，purpose=real_name）。同一人在另一小程序实名会关联到同一个人（同码、同色、同亲友）；姓名不符为 400，答复不透露证件是否存在。</remarks>
    internal static async Task<Ok<AccountDto>> RealName(
        RealNameRequest body, CurrentAccount me, AccountDirectory accounts, RealNameService realNames, ConsentService consents, MiniCodeDbContext db,
        CancellationToken ct)
    {
        var account = me.Account;
        await RequireRealNameConsentsAsync(consents, account.Id, body.FaceToken, ct);
        await realNames.LinkPersonAsync(account, body.Name!.Trim(), realNames.ResidentIdOf(body.IdNumber), body.FaceToken, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await accounts.ToDtoAsync(account, ct));
    }

    /// <summary>实名认证（护照、港澳台通行证）</summary>
    /// <remarks>证件类型、号码、出生日期、性别；人脸核验只支持居民身份证，其他证件按配置处理。</remarks>
    internal static async Task<Ok<AccountDto>> RealNameByDocument(
        DocumentRealNameRequest body, CurrentAccount me, AccountDirectory accounts, RealNameService realNames, ConsentService consents,
        MiniCodeDbContext db, CancellationToken ct)
    {
        var account = me.Account;
        await RequireRealNameConsentsAsync(consents, account.Id, body.FaceToken, ct);
        await realNames.LinkPersonAsync(account, body.Name!.Trim(), realNames.OtherDocumentOf(body), body.FaceToken, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await accounts.ToDtoAsync(account, ct));
    }

    /// <summary>Real name is its own consent; the face sent with it is a face verification too. Both are written with the real name.</summary>
    private static async Task RequireRealNameConsentsAsync(ConsentService consents, long accountId, string? faceToken, CancellationToken ct)
    {
        await consents.RequireAsync(accountId, ConsentPurposes.RealName, ct);
        if (!string.IsNullOrEmpty(faceToken)) await consents.RequireAsync(accountId, ConsentPurposes.FaceVerification, ct);
    }

    /// <summary>修改密码</summary>
    /// <remarks>原密码 + 新密码；成功后其他会话失效。</remarks>
    internal static async Task<NoContent> ChangePassword(
        PasswordChangeRequest body, CurrentAccount me, ClaimsPrincipal user, PasswordHasher hasher, MiniCodeDbContext db, SessionService sessions,
        CancellationToken ct)
    {
        var account = me.Account;
        // Setting a first password needs only the session; changing one needs the current password.
        if (account.PasswordHash is not null && !hasher.Verify(body.CurrentPassword ?? "", account.PasswordHash))
            throw new ApiException(IdentityErrors.PasswordWrong);
        account.PasswordHash = hasher.Hash(body.NewPassword!);
        await db.SaveChangesAsync(ct);
        // Other sessions were opened with the old password: they end (on every node); this one stays.
        await sessions.RevokeOthersAsync(account.Id, user.SessionIdOf(), ct);
        return TypedResults.NoContent();
    }
}
