using MiniCode.Infrastructure.Security;
using System.Security.Claims;
using MiniCode.Data;
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
        me.MapPost("/real-name", RealName).ProducesErrors(IdentityErrors.RealName);
        me.MapPost("/real-name/document", RealNameByDocument).ProducesErrors(IdentityErrors.RealName);
        me.MapPost("/password", ChangePassword).ProducesErrors(IdentityErrors.PasswordWrong);
        me.MapPost("/face-check", FaceCheck).ProducesErrors(IdentityErrors.Face, SessionErrors.RealNameRequired);
        me.MapLinksApi();
        me.MapPost("/wechat/open-data", WeChatOpenData.Check)
            .ProducesErrors(WeChatOpenData.SessionKeyMissing, WeChatOpenData.SignatureInvalid, WeChatOpenData.DecryptFailed);
        return app;
    }

    private static async Task<Ok<AccountDto>> GetMe(CurrentAccount me, AccountDirectory accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ToDtoAsync(me.Account, ct));

    private static async Task<NoContent> DeleteMe(CurrentAccount me, AccountDeletion deletion, CancellationToken ct)
    {
        await deletion.DeleteAsync(me.Account, ct);
        return TypedResults.NoContent();
    }

    /// <summary>亮码前人脸核验: a successful check lets the code be shown for MiniCode:HealthCodes:FaceCheck:MaxAgeMinutes.</summary>
    private static async Task<Ok<FaceCheckResult>> FaceCheck(FaceCheckRequest body, ClaimsPrincipal user, FaceCheckService faces, CancellationToken ct) =>
        TypedResults.Ok(await faces.VerifyAsync(user.AccountId(), user.SessionIdOf(), user.PersonIdOrThrow(), body.VerificationToken!, ct));

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

    private static async Task<Ok<AccountDto>> BindPhoneByWeChat(
        BindPhoneByWeChatRequest body, CurrentAccount me, AccountDirectory accounts, IWeChatLoginClient wechat, MiniCodeDbContext db, CancellationToken ct)
    {
        var account = me.Account;
        var phone = PlatformPhones.FromWeChat(await wechat.GetUserPhoneNumberAsync(body.Code!, ct), "code");
        await accounts.AttachPhoneAsync(account, phone, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await accounts.ToDtoAsync(account, ct));
    }

    private static async Task<Ok<AccountDto>> BindPhoneByAlipay(
        BindPhoneByAlipayRequest body, CurrentAccount me, AccountDirectory accounts, AlipayKeys keys, MiniCodeDbContext db, CancellationToken ct)
    {
        var phone = PlatformPhones.FromAlipay(body.Response!, body.Sign!, keys);
        var account = me.Account;
        await accounts.AttachPhoneAsync(account, phone, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await accounts.ToDtoAsync(account, ct));
    }

    private static async Task<Ok<AccountDto>> RealName(
        RealNameRequest body, CurrentAccount me, AccountDirectory accounts, RealNameService realNames, MiniCodeDbContext db, CancellationToken ct)
    {
        var account = me.Account;
        await realNames.LinkPersonAsync(account, body.Name!.Trim(), realNames.ResidentIdOf(body.IdNumber), body.FaceToken, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await accounts.ToDtoAsync(account, ct));
    }

    private static async Task<Ok<AccountDto>> RealNameByDocument(
        DocumentRealNameRequest body, CurrentAccount me, AccountDirectory accounts, RealNameService realNames, MiniCodeDbContext db, CancellationToken ct)
    {
        var account = me.Account;
        await realNames.LinkPersonAsync(account, body.Name!.Trim(), realNames.OtherDocumentOf(body), body.FaceToken, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await accounts.ToDtoAsync(account, ct));
    }

    private static async Task<NoContent> ChangePassword(
        PasswordChangeRequest body, CurrentAccount me, ClaimsPrincipal user, PasswordHasher hasher, MiniCodeDbContext db, TimeProvider time, CancellationToken ct)
    {
        var account = me.Account;
        // Setting a first password needs only the session; changing one needs the current password.
        if (account.PasswordHash is not null && !hasher.Verify(body.CurrentPassword ?? "", account.PasswordHash))
            throw new ApiException(IdentityErrors.PasswordWrong);
        account.PasswordHash = hasher.Hash(body.NewPassword!);
        await db.SaveChangesAsync(ct);
        var current = user.SessionIdOf();
        var now = time.GetUtcNow();
        // Other sessions were opened with the old password: they end; this one stays.
        await db.Set<Session>().Where(s => s.AccountId == account.Id && s.Id != current && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
        return TypedResults.NoContent();
    }
}
