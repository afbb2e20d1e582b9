using System.Text.Json.Serialization;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Rendering;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Enterprises;

/// <summary>
/// 企业绑定: the enterprise's name and 统一社会信用代码 (GB 32100-2015, check character verified), and the caller's role:
/// "legalRepresentative" (法定代表人) or "staff" (员工, proven by the registry's social-insurance record).
/// </summary>
public sealed record BindEnterpriseRequest(string? Name, string? CreditCode, string? Role) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Required(Name?.Trim(), "name", "企业名称", 100)
            .Check(Enterprises.CreditCode.Normalise(CreditCode) is not null, "creditCode", "统一社会信用代码应为18位且校验码正确")
            .Check(Role is "legalRepresentative" or "staff", "role", "身份应为 legalRepresentative（法定代表人）或 staff（员工）");

    [JsonIgnore] // derived for the service, not part of the request
    public EnterpriseRole ParsedRole => Role == "legalRepresentative" ? EnterpriseRole.LegalRepresentative : EnterpriseRole.Staff;
}

/// <summary>One enterprise the caller is bound to. <c>status</c>: active or suspended (its code is then refused).</summary>
public sealed record EnterpriseBindingView(long Id, string EnterpriseName, string CreditCode, string RegionCode, string Role, string Status, DateTimeOffset BoundAt);

/// <summary>The enterprise code (企业码) to show: short-lived, refreshed by asking again; the 码编号 is the enterprise's.</summary>
/// <param name="CodeNumber">码编号 printed under the QR (null without a numbering rule for the category).</param>
/// <param name="Style">The active 码样式 of the category: QR colours and icon (black on white without one).</param>
public sealed record EnterpriseCodeView(long BindingId, string Payload, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string? CodeNumber, CodeLook Style) : IMarkedCode;
