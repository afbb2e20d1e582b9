using MiniCode.Data;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.People;

namespace MiniCode.Features.Households.Relatives;

/// <summary>
/// Showing a relative's code needs no face check when the relative is face-exempt by age (the same rule as adding them:
/// the birth date of a resident ID, younger than <c>FaceExemptUnderAge</c> or older than <c>FaceExemptOverAge</c> today).
/// </summary>
internal sealed class RelativeFaceCheckExemption(MiniCodeDbContext db, IOptions<RelativesOptions> options, BusinessCalendar calendar) : IFaceCheckExemption
{
    public async Task<bool> IsExemptAsync(long holderPersonId, long personId, CancellationToken cancellationToken)
    {
        var person = await db.Set<Relative>().AsNoTracking().Where(r => r.HolderPersonId == holderPersonId && r.PersonId == personId)
            .Select(r => new { r.Person!.DocumentType, r.Person.BirthDate }).FirstOrDefaultAsync(cancellationToken);
        return person is { DocumentType: DocumentType.ResidentId } p
            && RelativeProofCheck.IsExemptByAge(new Person { BirthDate = p.BirthDate }.AgeOn(calendar.Today()), options.Value);
    }
}
