using MiniCode.Features.Identity;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Errands;

/// <summary>
/// 发起授权: the grantee by <c>name</c> + 18-digit resident <c>idNumber</c> (optional <c>phone</c>), or by
/// <c>contactId</c> (one of the caller's 常用联系人) instead; the <c>matterId</c> of an enabled matter
/// (<c>GET /api/errand-matters</c>); the first day <c>validFrom</c> and the last day <c>validTo</c> (same day when left
/// out), Asia/Shanghai calendar days, from today; optional <c>licenceIds</c>: the caller's e-licence bindings to show.
/// </summary>
public sealed record CreateAuthorisationRequest(long? MatterId, string? Name, string? IdNumber, string? Phone, long? ContactId,
    DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<long>? LicenceIds) : IValidatable
{
    public DateOnly LastDay => ValidTo ?? ValidFrom!.Value;

    public void Validate(InputValidator v, IServiceProvider services)
    {
        var o = services.GetRequiredService<IOptions<ErrandOptions>>().Value;
        var today = services.GetRequiredService<BusinessCalendar>().Today();
        v.Check(MatterId is > 0, "matterId", "请选择授权事项");
        if (ContactId is not null)
            v.Check(ContactId > 0 && Name is null && IdNumber is null, "contactId", "常用联系人与姓名、身份证号只能填写一种");
        else
        {
            RealNameService.ValidateName(Name, v);
            services.GetRequiredService<RealNameService>().ParseResidentId(IdNumber, v);
        }
        if (Phone is not null) v.Check(PhoneNumbers.Normalise(Phone) is not null, "phone", "手机号格式不正确");
        if (ValidFrom is not { } from) v.Add("validFrom", "请选择授权日期");
        else
        {
            v.Check(from >= today, "validFrom", "授权日期不能早于今天");
            v.Check(from <= today.AddDays(o.MaxDaysAhead), "validFrom", $"授权日期最多可选{o.MaxDaysAhead}天以内");
            v.Check(LastDay >= from, "validTo", "结束日期不能早于开始日期");
            v.Check(LastDay.DayNumber - from.DayNumber < o.MaxRangeDays, "validTo", $"授权日期范围最长{o.MaxRangeDays}天");
        }
        var licences = LicenceIds ?? [];
        v.Check(licences.Count <= o.MaxLicences, "licenceIds", $"最多可出示{o.MaxLicences}个证照");
        v.Check(licences.All(id => id > 0) && licences.Distinct().Count() == licences.Count, "licenceIds", "证照不能重复");
    }
}

/// <summary>A matter citizens may authorise (授权事项).</summary>
public sealed record ErrandMatterView(long Id, string Name, string? Description, string RegionCode);

/// <summary>
/// One authorisation as the caller sees it. <c>role</c>: "grantor" (授权记录) or "grantee" (被授权记录). <c>state</c>:
/// "pending" (待确认), "accepted" (已生效), "declined" (已拒绝) or "expired" (已失效; <c>endReason</c> "revoked" or
/// "date_passed"). Names and documents are masked. <c>canRespond</c>: the grantee may accept or decline;
/// <c>canRevoke</c>: the grantor may still revoke (before the first day); <c>codeAvailable</c>: the grantee may show
/// the code now (accepted, today within the dates).
/// </summary>
public sealed record AuthorisationView(long Id, string Role, long MatterId, string MatterName, string GrantorName, string GrantorDocument,
    string GranteeName, string GranteeDocument, string? GranteePhone, DateOnly ValidFrom, DateOnly ValidTo, string State, string StateLabel,
    string? EndReason, IReadOnlyList<long> LicenceIds, DateTimeOffset CreatedAt, DateTimeOffset? RespondedAt, DateTimeOffset? EndedAt,
    bool CanRespond, bool CanRevoke, bool CodeAvailable);

/// <summary>A shown authorisation code (授权码): the signed <c>MC1:</c> payload of type authorisation, valid until <c>expiresAt</c>.</summary>
public sealed record AuthorisationCodeView(string Payload, long AuthorisationId, string MatterName, string GrantorName, DateOnly ValidFrom, DateOnly ValidTo,
    DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
