using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Features.Identity.Face;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Households.Relatives;

/// <summary>
/// Whether the relative agreed to be added: their own face (<c>faceToken</c>), or the SMS code sent to a phone of an
/// account of theirs (<c>consent.phone</c> + <c>consent.smsCode</c>, code from <c>POST /api/me/relatives/consent-codes</c>).
/// Only face-exempt relatives (by the birth date in a resident ID number, never a claimed one) may go without; they are
/// then private to the holder's person. The code or face is checked before anything about the document is looked up, so until
/// then an existing and an unknown document get the same answers (M4).
/// </summary>
public sealed class RelativeProofCheck(
    MiniCodeDbContext db, RealNameService realNames, SmsCodeService sms, PersonalDataProtector protector,
    IOptions<RelativesOptions> options, IOptions<IdentityOptions> identity)
{
    /// <summary>Checks the proof sent; the SMS one is confirmed against the person by <see cref="EnsurePhoneOfPersonAsync"/>.</summary>
    public async Task<RelativeProof> CheckAsync(long holderAccountId, AddRelativeRequest r, string name, RealNameService.Document doc, int age, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(r.FaceToken))
        {
            await realNames.VerifyFaceAsync(holderAccountId, FacePurposes.Relative, name, doc, r.FaceToken, ct);
            return RelativeProof.Face;
        }
        if (r.Consent?.SmsCode is { Length: > 0 } code)
        {
            await sms.ConsumeAsync(PhoneNumbers.Normalise(r.Consent.Phone)!, SmsPurposes.RelativeConsent, code, ct);
            return RelativeProof.Sms;
        }
        if (!IsFaceExempt(doc, age)) await realNames.VerifyFaceAsync(holderAccountId, FacePurposes.Relative, name, doc, null, ct);
        return RelativeProof.None;
    }

    /// <summary>After the code was checked: the phone must be one of an active account standing on the person.</summary>
    public async Task EnsurePhoneOfPersonAsync(AddRelativeRequest r, Person? existing, CancellationToken ct)
    {
        var phoneIndex = protector.BlindIndex(PhoneNumbers.Normalise(r.Consent!.Phone)!);
        var ofPerson = existing is not null && await db.Set<Account>()
            .AnyAsync(a => a.PersonId == existing.Id && a.PhoneIndex == phoneIndex && a.Status == AccountStatus.Active, ct);
        if (!ofPerson) throw new ApiException(HouseholdsErrors.ConsentPhoneMismatch);
    }

    /// <summary>
    /// Children and elders may go without a face, judged by the birth date inside a resident ID number; another
    /// document's birth date is only claimed, so it never exempts. Without face verification configured, nobody needs one.
    /// </summary>
    private bool IsFaceExempt(RealNameService.Document doc, int age)
    {
        if (!identity.Value.RealName.RequireFaceVerification) return true;
        return doc.Type == DocumentType.ResidentId && IsExemptByAge(age, options.Value);
    }

    public static bool IsExemptByAge(int? age, RelativesOptions o) => age is { } a && (a < o.FaceExemptUnderAge || a > o.FaceExemptOverAge);
}
