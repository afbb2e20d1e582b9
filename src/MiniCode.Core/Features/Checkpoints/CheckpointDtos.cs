using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.Identity;
using MiniCode.Features.Organisations;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Checkpoints;

// Requests with IValidatable are checked by the API groups' validation filter before the handler; checks that need the
// caller or the database (sites, report sites) stay in the services.

public sealed record ScannerLoginRequest(string? Phone, string? Password) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Check(PhoneNumbers.Normalise(Phone) is not null, "phone", "手机号格式不正确").Required(Password, "password", "密码", 64);
}

/// <summary>忘记密码: the phone of the scanner account, to send the code to.</summary>
public sealed record ScannerResetCodeRequest(string? Phone) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Check(PhoneNumbers.Normalise(Phone) is not null, "phone", "手机号格式不正确");
}

public sealed record ScannerLoginResponse(string Token, DateTimeOffset ExpiresAt, ScannerProfileView Profile);
public sealed record ScannerPasswordChangeRequest(string? CurrentPassword, string? NewPassword) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services)
    {
        v.Required(CurrentPassword, "currentPassword", "当前密码", 64);
        if (services.GetRequiredService<PasswordPolicy>().Violation(NewPassword) is { } weak) v.Add("newPassword", weak);
    }
}

/// <summary>The sites the scanner reports to; whether each may be chosen is checked against the caller's sites by the service.</summary>
public sealed record ReportSitesRequest(IReadOnlyList<long>? SiteIds) : IValidatable
{
    public const int MaxSites = 20;

    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Check(SiteIds?.Distinct().Count() is > 0 and <= MaxSites, "siteIds", $"请选择1到{MaxSites}个上报站点");
}

/// <summary>A site; <c>parentId</c> is the site it is a 下级站点 of (null for a top site).</summary>
public sealed record SiteView(long Id, string Name, string RegionCode, string? Address, SiteStatus Status, long OrganisationId, string OrganisationName, string? Remarks,
    long? ParentId);

/// <summary>The logged-in scanner's own profile (个人中心): name in full, phone and ID number masked.</summary>
public sealed record ScannerProfileView(long AccountId, string Name, string Phone, string IdNumber, ScannerRole Role,
    SiteView Site, IReadOnlyList<SiteView> ReportSites, string? ParentName, DateTimeOffset CreatedAt);

/// <summary>A scanner as a manager sees them (扫码员详情): masked ID number, name, masked phone, site, role, status, remarks.</summary>
public sealed record ScannerView(long AccountId, string Name, string IdNumber, string Phone, long SiteId, string SiteName,
    ScannerRole Role, AccountStatus Status, long? ParentAccountId, string? Remarks, DateTimeOffset CreatedAt);

public sealed record NewScannerRequest(long? SiteId, string? IdNumber, string? Name, string? Phone, string? Password, ScannerRole? Role, string? Remarks);
public sealed record ScannerCheckRequest(long? SiteId, string? IdNumber);
public sealed record ScannerCheckResponse(bool Available, string IdNumber, IReadOnlyList<ScannerRole> AllowedRoles);
public sealed record ReplaceScannerRequest(long? ReplacementAccountId) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v.Check(ReplacementAccountId is not null, "replacementAccountId", "请选择替换人员");
}
/// <summary>A site to add or edit; <c>parentId</c> (adding only): the managed site it goes below, default the scanner's own site.</summary>
public sealed record SiteRequest(string? Name, string? RegionCode, string? Address, string? Remarks, long? ParentId = null);
/// <summary>
/// A managed site: its scanners of the caller's line, its level below the caller's top sites (0), its direct 下级站点,
/// its own records and the records of it and every site below it (rolled up).
/// </summary>
public sealed record ManagedSiteView(SiteView Site, IReadOnlyList<ScannerView> Scanners, int Level, int SubSites, int Records, int RecordsWithSubSites);
/// <summary>Counts of one level of the managed tree (0 = the caller's top sites).</summary>
public sealed record SiteLevelCount(int Level, int Sites, int ActiveSites, int Scanners, int Records);
/// <summary>What a line action changed: the accounts whose status changed and how many sessions were ended.</summary>
public sealed record LineActionResult(IReadOnlyList<long> AccountIds, int SessionsRevoked);

public sealed record ScanRequest(string? Payload, decimal? Temperature, string? Remarks, string? IdempotencyKey) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services)
    {
        v.Required(Payload, "payload", "健康码内容", 1000);
        services.GetRequiredService<ScanService>().ValidateMeasurement(Temperature, Remarks, IdempotencyKey, v);
    }
}

public sealed record AssistedRegistrationRequest(string? Phone, string? SmsCode, string? Name, string? IdNumber, decimal? Temperature,
    string? Remarks, string? IdempotencyKey) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services)
    {
        v.Check(PhoneNumbers.Normalise(Phone) is not null, "phone", "手机号格式不正确").Required(SmsCode, "smsCode", "验证码", 10);
        RealNameService.ValidateName(Name, v);
        services.GetRequiredService<RealNameService>().ParseResidentId(IdNumber, v);
        services.GetRequiredService<ScanService>().ValidateMeasurement(Temperature, Remarks, IdempotencyKey, v);
    }
}

public sealed record ScanPreviewRequest(string? Payload) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v.Required(Payload, "payload", "健康码内容", 1000);
}
public sealed record ScanPreview(string MaskedName, HealthColor Color, IReadOnlyList<ColorReasonView> Reasons, bool TurnBack);

public sealed record ColorReasonView(string Code, string Text);

/// <summary>
/// An inspection record: the person's masked name and ID number, temperature, colour after the check, 劝返 flag.
/// <see cref="Replayed"/> is true when a retried submission returned the record stored the first time.
/// </summary>
public sealed record ScanRecordView(long Id, ScanKind Kind, string MaskedName, string MaskedIdNumber, decimal Temperature, HealthColor Color,
    IReadOnlyList<ColorReasonView> Reasons, bool TurnBack, string? Remarks, long SiteId, string SiteName, long ScannerAccountId,
    string ScannerName, DateTimeOffset ScannedAt, bool Replayed);

public sealed record ScanRecordPage(IReadOnlyList<ScanRecordView> Items, int Page, int PageSize, int Total);
