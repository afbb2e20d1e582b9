using System.Text.Json.Serialization;
using MiniCode.Features.Identity;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Rendering;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Errands;

/// <summary>
/// 发起授权: the grantee by <c>name</c> + 18-digit resident <c>idNumber</c> (optional <c>phone</c>) — or, for a grantee
/// without a mainland ID card, <c>name</c> + <c>documentType</c> (<c>passport</c>, <c>hkMacaoPermit</c> 港澳居民来往内地通行证,
/// <c>taiwanPermit</c> 台湾居民来往大陆通行证; <c>residentId</c> or absent means <c>idNumber</c>) + <c>documentNumber</c>, checked as
/// in real-name verification — or by <c>contactId</c> (one of the caller's 常用联系人) instead; the <c>matterId</c> of an enabled matter
/// (<c>GET /api/errand-matters</c>); the first day <c>validFrom</c> and the last day <c>validTo</c> (same day when left
/// out), Asia/Shanghai calendar days, from today; optional <c>licenceIds</c>: the caller's e-licence bindings to show.
/// </summary>
public sealed record CreateAuthorisationRequest(long? MatterId, string? Name, string? IdNumber, string? Phone, long? ContactId,
    DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<long>? LicenceIds, string? DocumentType = null, string? DocumentNumber = null) : IValidatable
{
    [JsonIgnore] // derived for the service, not part of the request
    public DateOnly LastDay => ValidTo ?? ValidFrom!.Value;

    public void Validate(InputValidator v, IServiceProvider services)
    {
        var o = services.GetRequiredService<IOptions<ErrandOptions>>().Value;
        var today = services.GetRequiredService<BusinessCalendar>().Today();
        v.Check(MatterId is > 0, "matterId", "请选择授权事项");
        if (ContactId is not null)
            v.Check(ContactId > 0 && Name is null && IdNumber is null && DocumentType is null && DocumentNumber is null, "contactId", "常用联系人与姓名、证件号只能填写一种");
        else
        {
            RealNameService.ValidateName(Name, v);
            GranteeDocument(services.GetRequiredService<RealNameService>(), v);
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

    /// <summary>The typed grantee's document: the resident ID number, or a passport / travel permit number of its kind.</summary>
    public (MiniCode.Features.People.DocumentType Type, string Number)? GranteeDocument(RealNameService realNames, InputValidator v)
    {
        if (DocumentType is null or "residentId")
        {
            v.Check(DocumentNumber is null, "documentNumber", "居民身份证号码请填写在 idNumber 中");
            return realNames.ParseResidentId(IdNumber, v) is { } id ? (id.Type, id.Number) : null;
        }
        v.Check(IdNumber is null, "idNumber", "证件为护照或通行证时请填写 documentNumber");
        return RealNameService.ParseOtherDocumentNumber(DocumentType, DocumentNumber, v, "documentNumber");
    }
}

/// <summary>A matter citizens may authorise (授权事项).</summary>
public sealed record ErrandMatterView(long Id, string Name, string? Description, string RegionCode);

/// <summary>
/// One authorisation as the caller sees it. <c>role</c>: "grantor" (授权记录) or "grantee" (被授权记录). <c>state</c>:
/// "pending" (待确认), "accepted" (已生效), "declined" (已拒绝) or "expired" (已失效; <c>endReason</c> "revoked" or
/// "date_passed"). Names and documents are masked; <c>granteeDocumentType</c>: residentId, passport, hkMacaoPermit or taiwanPermit. <c>canRespond</c>: the grantee may accept or decline;
/// <c>canRevoke</c>: the grantor may still revoke (before the first day); <c>codeAvailable</c>: the grantee may show
/// the code now (accepted, today within the dates).
/// </summary>
public sealed record AuthorisationView(long Id, string Role, long MatterId, string MatterName, string GrantorName, string GrantorDocument,
    string GranteeName, string GranteeDocumentType, string GranteeDocument, string? GranteePhone, DateOnly ValidFrom, DateOnly ValidTo, string State, string StateLabel,
    string? EndReason, IReadOnlyList<long> LicenceIds, DateTimeOffset CreatedAt, DateTimeOffset? RespondedAt, DateTimeOffset? EndedAt,
    bool CanRespond, bool CanRevoke, bool CodeAvailable);

/// <summary>A shown authorisation code (授权码): the signed <c>MC1:</c> payload of type authorisation, valid until <c>expiresAt</c>.</summary>
/// <param name="CodeNumber">码编号 printed under the QR (null without a numbering rule for the category).</param>
/// <param name="Style">The active 码样式 of the category: QR colours and icon (black on white without one).</param>
public sealed record AuthorisationCodeView(string Payload, long AuthorisationId, string MatterName, string GrantorName, DateOnly ValidFrom, DateOnly ValidTo,
    DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string? CodeNumber, CodeLook Style) : IMarkedCode;
