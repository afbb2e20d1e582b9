using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Rendering;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Licences;

/// <summary>A licence type the mini program offers (选择证照类型). <c>code</c> is what <c>POST /api/me/licences</c> takes.</summary>
public sealed record LicenceTypeView(string Code, string Name, string IssuerName, string? Description, bool IdentityCredential);

/// <summary>
/// 授权关联: <c>type</c> is a licence type's <c>code</c>; <c>consent</c> true binds (授权关联) after the issuer confirmed the
/// licence is the caller's, false (不授权) stores nothing.
/// </summary>
public sealed record BindLicenceRequest(string? Type, bool? Consent) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Required(Type, "type", "证照类型", 40).Check(Consent is not null, "consent", "请选择授权关联或不授权");
}

/// <summary><c>bound</c> false when the caller did not consent (nothing stored); otherwise the bound licence.</summary>
public sealed record BindLicenceResult(bool Bound, LicenceView? Licence);

/// <summary>
/// A bound licence as its holder sees it, masked (holder name, licence number). <c>validTo</c> null: without end (长期).
/// <c>expired</c>: past its validity (business calendar day), when no code is shown.
/// </summary>
public sealed record LicenceView(long Id, string Type, string TypeName, string Holder, string LicenceNumber, string Issuer,
    DateOnly ValidFrom, DateOnly? ValidTo, bool Expired, bool IdentityCredential, bool HasFaceImage, int Order, DateTimeOffset BoundAt);

/// <summary>出示证照: the signed MC1 code (type <c>licence</c>) and when it stops verifying.</summary>
/// <param name="CodeNumber">码编号 printed under the QR (null without a numbering rule for the category).</param>
/// <param name="Style">The active 码样式 of the category: QR colours and icon (black on white without one).</param>
public sealed record LicenceCodeView(long LicenceId, string TypeName, string Payload, DateTimeOffset ExpiresAt, string? CodeNumber, CodeLook Style) : IMarkedCode;

/// <summary>排序: every bound licence's id exactly once, in the new order.</summary>
public sealed record LicenceOrderRequest(IReadOnlyList<long>? Ids) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Check(Ids is { Count: <= 100 }, "ids", "请提供全部证照的顺序");
}
