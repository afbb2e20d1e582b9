using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Identity;

// Each request checks its own fields (IValidatable); the API groups' validation filter runs the check before the handler.

public sealed record WeChatLoginRequest(string? Code, bool StayLoggedIn = false) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v.Required(Code, "code", "登录凭证", 128);
}

public sealed record AlipayLoginRequest(string? AuthCode, bool StayLoggedIn = false) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v.Required(AuthCode, "authCode", "授权码", 128);
}

/// <summary>微信手机号快速验证: the <c>wx.login</c> code and the <c>getPhoneNumber</c> button's code.</summary>
public sealed record WeChatPhoneLoginRequest(string? LoginCode, string? PhoneCode, bool StayLoggedIn = false) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Required(LoginCode, "loginCode", "登录凭证", 128).Required(PhoneCode, "phoneCode", "手机号授权凭证", 128);
}

/// <summary><c>my.getAuthCode</c>'s code and what <c>my.getPhoneNumber</c> returned.</summary>
public sealed record AlipayPhoneLoginRequest(string? AuthCode, string? Response, string? Sign, bool StayLoggedIn = false) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v.Required(AuthCode, "authCode", "授权码", 128)
        .Required(Response, "response", "加密数据", 4096).Required(Sign, "sign", "签名", 1024);
}

public sealed record SmsCodeRequest(string? Phone, string? Purpose) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v
        .Check(PhoneNumbers.Normalise(Phone) is not null, "phone", "手机号格式不正确")
        .Check(Purpose is not null && SmsPurposes.All.Contains(Purpose), "purpose", "用途须为 " + string.Join("、", SmsPurposes.All));
}

public sealed record SmsLoginRequest(string? Phone, string? Code, bool StayLoggedIn = false) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => IdentityChecks.PhoneAndCode(Phone, Code, v);
}

public sealed record PasswordRegisterRequest(string? Phone, string? Code, string? Password, string? Username, bool StayLoggedIn = false) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services)
    {
        IdentityChecks.PhoneAndCode(Phone, Code, v);
        IdentityChecks.NewPassword(Password, "password", v, services);
        if (Username is not null) Usernames.Validate(Username, v);
    }
}

public sealed record PasswordLoginRequest(string? Login, string? Password, bool StayLoggedIn = false) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Required(Login, "login", "手机号或用户名", 50).Required(Password, "password", "密码", 64);
}

public sealed record PasswordResetRequest(string? Phone, string? Code, string? NewPassword) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services)
    {
        IdentityChecks.PhoneAndCode(Phone, Code, v);
        IdentityChecks.NewPassword(NewPassword, "newPassword", v, services);
    }
}

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => IdentityChecks.NewPassword(NewPassword, "newPassword", v, services);
}

public sealed record BindPhoneBySmsRequest(string? Phone, string? Code) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => IdentityChecks.PhoneAndCode(Phone, Code, v);
}

public sealed record BindPhoneByWeChatRequest(string? Code) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v.Required(Code, "code", "手机号授权凭证", 128);
}

/// <summary>The object <c>my.getPhoneNumber</c> returned to the Alipay mini program.</summary>
public sealed record BindPhoneByAlipayRequest(string? Response, string? Sign) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Required(Response, "response", "加密数据", 4096).Required(Sign, "sign", "签名", 1024);
}

public sealed record RealNameRequest(string? Name, string? IdNumber, string? FaceToken) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services)
    {
        RealNameService.ValidateName(Name, v);
        services.GetRequiredService<RealNameService>().ParseResidentId(IdNumber, v);
    }
}

/// <summary>Passport or Mainland Travel Permit (HK/Macao, Taiwan): the birth date is not derivable from the number.</summary>
public sealed record DocumentRealNameRequest(string? Name, string? DocumentType, string? Number, DateOnly? BirthDate, string? Gender, string? FaceToken)
    : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services)
    {
        RealNameService.ValidateName(Name, v);
        services.GetRequiredService<RealNameService>().ParseOtherDocument(this, v);
    }
}

/// <summary>
/// The caller's own account; phone, name and document number masked. <c>Logins</c> lists the login methods of every
/// account of the same person (this one first).
/// </summary>
public sealed record AccountDto(
    long Id, string Kind, string? Phone, string? Username, bool HasPassword, bool WeChatBound, bool AlipayBound,
    RealNameDto? RealName, DateTimeOffset CreatedAt, IReadOnlyList<LoginMethodDto> Logins);

/// <summary>Proof for unlinking: a <c>wx.login</c> code (wechat), an Alipay auth code (alipay) or an SMS code of purpose bind sent to the phone (phone).</summary>
public sealed record UnlinkRequest(string? Code) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v.Required(Code, "code", "验证凭证", 128);
}

public sealed record SessionLifetimeRequest(bool? StayLoggedIn) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v.Check(StayLoggedIn is not null, "stayLoggedIn", "请选择是否保持登录");
}

public sealed record SessionLifetimeDto(bool StayLoggedIn, DateTimeOffset ExpiresAt);

public sealed record RealNameDto(string Name, string DocumentType, string DocumentNumber, int? Age, string? Gender);

public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt, AccountDto Account);

/// <summary>Field checks several identity requests share.</summary>
internal static class IdentityChecks
{
    public static void PhoneAndCode(string? phone, string? code, InputValidator v) =>
        v.Check(PhoneNumbers.Normalise(phone) is not null, "phone", "手机号格式不正确").Required(code, "code", "验证码", 10);

    public static void NewPassword(string? password, string field, InputValidator v, IServiceProvider services)
    {
        if (services.GetRequiredService<PasswordPolicy>().Violation(password) is { } weak) v.Add(field, weak);
    }
}
