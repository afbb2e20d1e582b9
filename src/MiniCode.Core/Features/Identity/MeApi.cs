using MiniCode.Infrastructure.Security;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using MiniCode.Data;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.WeChat;

namespace MiniCode.Features.Identity;

/// <summary>The citizen's own account: profile, phone binding, real name, password, deletion.</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient);
        me.MapGet("/", GetMe);
        me.MapDelete("/", DeleteMe);
        me.MapPost("/phone/sms", BindPhoneBySms);
        me.MapPost("/phone/wechat", BindPhoneByWeChat);
        me.MapPost("/phone/alipay", BindPhoneByAlipay);
        me.MapPost("/real-name", RealName);
        me.MapPost("/real-name/document", RealNameByDocument);
        me.MapPost("/password", ChangePassword);
        me.MapPost("/face-check", FaceCheck);
        me.MapPost("/wechat/open-data", WeChatOpenData.Check);
        return app;
    }

    public static async Task<Ok<AccountDto>> GetMe(ClaimsPrincipal user, AccountDirectory accounts, CancellationToken ct) =>
        TypedResults.Ok(accounts.ToDto(await accounts.CurrentAsync(user.AccountId(), ct)));

    public static async Task<NoContent> DeleteMe(ClaimsPrincipal user, AccountDirectory accounts, AccountDeletion deletion, CancellationToken ct)
    {
        await deletion.DeleteAsync(await accounts.CurrentAsync(user.AccountId(), ct), ct);
        return TypedResults.NoContent();
    }

    /// <summary>亮码前人脸核验: a successful check lets the code be shown for MiniCode:HealthCodes:FaceCheck:MaxAgeMinutes.</summary>
    public static async Task<Results<Ok<FaceCheckResult>, ValidationProblem>> FaceCheck(
        FaceCheckRequest body, ClaimsPrincipal user, FaceCheckService faces, CancellationToken ct)
    {
        var v = new InputValidator().Required(body.VerificationToken, "verificationToken", "人脸核验凭证", 512);
        if (!v.IsValid) return v.ToProblem();
        return TypedResults.Ok(await faces.VerifyAsync(user.PersonIdOrThrow(), body.VerificationToken!, ct));
    }

    public static async Task<Results<Ok<AccountDto>, ValidationProblem>> BindPhoneBySms(
        BindPhoneBySmsRequest body, ClaimsPrincipal user, AccountDirectory accounts, SmsCodeService codes, MiniCodeDbContext db, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Phone);
        var v = new InputValidator().Check(phone is not null, "phone", "手机号格式不正确").Required(body.Code, "code", "验证码", 10);
        if (!v.IsValid) return v.ToProblem();
        var account = await accounts.CurrentAsync(user.AccountId(), ct);
        await accounts.AttachPhoneAsync(account, phone!, ct); // conflicts are refused before the code is spent
        await codes.ConsumeAsync(phone!, SmsPurposes.Bind, body.Code!, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(accounts.ToDto(account));
    }

    public static async Task<Results<Ok<AccountDto>, ValidationProblem>> BindPhoneByWeChat(
        BindPhoneByWeChatRequest body, ClaimsPrincipal user, AccountDirectory accounts, IWeChatLoginClient wechat, MiniCodeDbContext db, CancellationToken ct)
    {
        var v = new InputValidator().Required(body.Code, "code", "手机号授权凭证", 128);
        if (!v.IsValid) return v.ToProblem();
        var account = await accounts.CurrentAsync(user.AccountId(), ct);
        var phoneInfo = await wechat.GetUserPhoneNumberAsync(body.Code!, ct);
        var phone = PhoneNumbers.Normalise(phoneInfo.PurePhoneNumber);
        if (phoneInfo.CountryCode != "86" || phone is null) return Problems.Validation("code", "仅支持中国大陆手机号");
        await accounts.AttachPhoneAsync(account, phone, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(accounts.ToDto(account));
    }

    public static async Task<Results<Ok<AccountDto>, ValidationProblem>> BindPhoneByAlipay(
        BindPhoneByAlipayRequest body, ClaimsPrincipal user, AccountDirectory accounts, AlipayKeys keys, MiniCodeDbContext db, CancellationToken ct)
    {
        var v = new InputValidator().Required(body.Response, "response", "加密数据", 4096).Required(body.Sign, "sign", "签名", 1024);
        if (!v.IsValid) return v.ToProblem();
        string? json;
        try { json = AlipaySignature.DecryptPhoneResponse(body.Response!, body.Sign!, keys.AlipayPublicKey, keys.AesKey); }
        catch (Exception e) when (e is CryptographicException or FormatException) { throw new ApiException(AlipayErrors.PhoneDecryptFailed); }
        if (json is null) throw new ApiException(AlipayErrors.PhoneSignatureInvalid);
        string? mobile;
        try
        {
            var root = JsonDocument.Parse(json).RootElement;
            mobile = root.TryGetProperty("code", out var c) && c.GetString() == "10000" && root.TryGetProperty("mobile", out var m) ? m.GetString() : null;
        }
        catch (JsonException) { mobile = null; }
        var phone = PhoneNumbers.Normalise(mobile);
        if (phone is null) throw new ApiException(AlipayErrors.PhoneDecryptFailed);
        var account = await accounts.CurrentAsync(user.AccountId(), ct);
        await accounts.AttachPhoneAsync(account, phone, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(accounts.ToDto(account));
    }

    public static async Task<Results<Ok<AccountDto>, ValidationProblem>> RealName(
        RealNameRequest body, ClaimsPrincipal user, AccountDirectory accounts, RealNameService realNames, MiniCodeDbContext db, CancellationToken ct)
    {
        var v = new InputValidator();
        RealNameService.ValidateName(body.Name, v);
        var doc = realNames.ParseResidentId(body.IdNumber, v);
        if (!v.IsValid) return v.ToProblem();
        var account = await accounts.CurrentAsync(user.AccountId(), ct);
        await realNames.LinkPersonAsync(account, body.Name!.Trim(), doc!, body.FaceToken, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(accounts.ToDto(account));
    }

    public static async Task<Results<Ok<AccountDto>, ValidationProblem>> RealNameByDocument(
        DocumentRealNameRequest body, ClaimsPrincipal user, AccountDirectory accounts, RealNameService realNames, MiniCodeDbContext db, CancellationToken ct)
    {
        var v = new InputValidator();
        RealNameService.ValidateName(body.Name, v);
        var doc = realNames.ParseOtherDocument(body, v);
        if (!v.IsValid) return v.ToProblem();
        var account = await accounts.CurrentAsync(user.AccountId(), ct);
        await realNames.LinkPersonAsync(account, body.Name!.Trim(), doc!, body.FaceToken, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(accounts.ToDto(account));
    }

    public static async Task<Results<NoContent, ValidationProblem>> ChangePassword(
        PasswordChangeRequest body, ClaimsPrincipal user, AccountDirectory accounts, PasswordHasher hasher, PasswordPolicy policy, MiniCodeDbContext db, TimeProvider time, CancellationToken ct)
    {
        var v = new InputValidator();
        if (policy.Violation(body.NewPassword) is { } weak) v.Add("newPassword", weak);
        if (!v.IsValid) return v.ToProblem();
        var account = await accounts.CurrentAsync(user.AccountId(), ct);
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
