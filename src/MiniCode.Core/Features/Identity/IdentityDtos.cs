namespace MiniCode.Features.Identity;

public sealed record WeChatLoginRequest(string? Code, bool StayLoggedIn = false);
public sealed record AlipayLoginRequest(string? AuthCode, bool StayLoggedIn = false);
public sealed record SmsCodeRequest(string? Phone, string? Purpose);
public sealed record SmsLoginRequest(string? Phone, string? Code, bool StayLoggedIn = false);
public sealed record PasswordRegisterRequest(string? Phone, string? Code, string? Password, string? Username, bool StayLoggedIn = false);
public sealed record PasswordLoginRequest(string? Login, string? Password, bool StayLoggedIn = false);
public sealed record PasswordResetRequest(string? Phone, string? Code, string? NewPassword);
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);
public sealed record BindPhoneBySmsRequest(string? Phone, string? Code);
public sealed record BindPhoneByWeChatRequest(string? Code);
/// <summary>The object <c>my.getPhoneNumber</c> returned to the Alipay mini program.</summary>
public sealed record BindPhoneByAlipayRequest(string? Response, string? Sign);
public sealed record RealNameRequest(string? Name, string? IdNumber, string? FaceToken);
/// <summary>Passport or Mainland Travel Permit (HK/Macao, Taiwan): the birth date is not derivable from the number.</summary>
public sealed record DocumentRealNameRequest(string? Name, string? DocumentType, string? Number, DateOnly? BirthDate, string? Gender, string? FaceToken);

/// <summary>The caller's own account; phone, name and document number masked.</summary>
public sealed record AccountDto(
    long Id, string Kind, string? Phone, string? Username, bool HasPassword, bool WeChatBound, bool AlipayBound,
    RealNameDto? RealName, DateTimeOffset CreatedAt);

public sealed record RealNameDto(string Name, string DocumentType, string DocumentNumber, int? Age, string? Gender);

public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt, AccountDto Account);
