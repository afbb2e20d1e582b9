using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.Identity;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Households.Relatives;

/// <summary>
/// <c>by</c>: "relative" (the relative agreed) or "guardian" (the holder as guardian; required under 14). <c>phone</c> and
/// <c>smsCode</c>: the relative's proof by SMS — the code sent by <c>POST /api/me/relatives/consent-codes</c> to a phone of
/// the relative's own account.
/// </summary>
public sealed record ConsentRequest(string? By, bool Confirmed, string? Phone = null, string? SmsCode = null);

/// <summary>The phone of the relative's own account, to send the consent code to.</summary>
public sealed record ConsentCodeRequest(string? Phone) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v.Check(PhoneNumbers.Normalise(Phone) is not null, "phone", "手机号格式不正确");
}

/// <summary>Sent (always, whether or not the phone belongs to anyone): the phone masked, code lifetime, resend wait.</summary>
public sealed record ConsentCodeSent(string Phone, int ExpiresInSeconds, int ResendAfterSeconds);

/// <summary>
/// Adds a relative. <c>documentType</c>: "residentId" (default; <c>number</c> is the 18-digit ID number), "passport",
/// "hkMacaoPermit" or "taiwanPermit" (then <c>birthDate</c> and optional <c>gender</c>). <c>declaration</c> is required
/// unless proven (<c>faceToken</c> or the SMS consent) and the relative has one already. <c>faceToken</c> is the relative's
/// face verification token; a resident-ID relative exempt by age may go without any proof and is then private to the holder's person (any account of it).
/// </summary>
public sealed record AddRelativeRequest(string? Name, string? DocumentType, string? Number, DateOnly? BirthDate, string? Gender,
    string? Relation, string? FaceToken, ConsentRequest? Consent, DeclarationRequest? Declaration) : IValidatable
{
    [System.Text.Json.Serialization.JsonIgnore] public bool IsResidentId => DocumentType is null or "residentId";
    public DocumentRealNameRequest AsOtherDocument() => new(Name, DocumentType, Number, BirthDate, Gender, FaceToken);

    /// <summary>The relative's own fields; whether a declaration is needed (and checked) depends on the database, so the service decides.</summary>
    public void Validate(InputValidator v, IServiceProvider services)
    {
        var realNames = services.GetRequiredService<RealNameService>();
        RealNameService.ValidateName(Name, v);
        if (IsResidentId) realNames.ParseResidentId(Number, v);
        else realNames.ParseOtherDocument(AsOtherDocument(), v);
        v.Optional(Relation, "relation", "关系", 20);
        v.Check(Consent is { Confirmed: true, By: "relative" or "guardian" }, "consent", "须确认已取得亲友本人或监护人的同意（by: relative 或 guardian）");
        if (Consent?.SmsCode is { Length: > 0 } code)
            v.Check(PhoneNumbers.Normalise(Consent.Phone) is not null, "consent.phone", "手机号格式不正确").Required(code, "consent.smsCode", "验证码", 10);
    }
}

/// <summary>
/// A relative as their holder sees it: name and document masked. <c>proof</c>: "face", "sms" or "none"; <c>private</c>
/// (unproven): the holder sees only what they recorded (check-ins, declarations), not the person's history or results.
/// </summary>
public sealed record RelativeView(long Id, string Name, string DocumentType, string DocumentNumber, string? Relation, int? Age,
    bool FaceVerified, string Proof, bool Private, string ConsentBy, DateTimeOffset AddedAt, DateTimeOffset DeletableAt, HealthColor? Color);

/// <summary>One entry of the quick switch list: the holder first (<c>relativeId</c> null), then the relatives by slot.</summary>
public sealed record SwitchEntry(long? RelativeId, string Name, string? Relation, HealthColor? Color, string CodePath);
