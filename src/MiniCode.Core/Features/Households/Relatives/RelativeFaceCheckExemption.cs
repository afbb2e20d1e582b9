using MiniCode.Infrastructure.Hosting;
using MiniCode.Data;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.People;

namespace MiniCode.Features.Households.Relatives;

/// <summary>
/// Showing a relative's code needs no face check when the relative is face-exempt by age (the same rule as adding them:
/// the birth date of a resident ID, younger than <c>FaceExemptUnderAge</c> or older than <c>FaceExemptOverAge</c> today).
/// Warm, from memory: the link from <see cref="RelativeLinks"/>, the document and birth date from <see cref="CodeHolderCache"/>.
/// </summary>
internal sealed class RelativeFaceCheckExemption(Deferred<MiniCodeDbContext> db, RelativeLinks links, CodeHolderCache holders, IOptions<RelativesOptions> options,
    BusinessCalendar calendar) : IFaceCheckExemption
{
    public async Task<bool> IsExemptAsync(long holderPersonId, long personId, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(db.Value, holderPersonId, l => l.PersonId == personId, cancellationToken) is null) return false;
        return await holders.GetAsync(db, personId, cancellationToken) is { DocumentType: DocumentType.ResidentId } p
            && RelativeProofCheck.IsExemptByAge(new Person { BirthDate = p.BirthDate }.AgeOn(calendar.Today()), options.Value);
    }
}
