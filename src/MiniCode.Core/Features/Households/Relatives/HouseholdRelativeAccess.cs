using MiniCode.Data;
using MiniCode.Features.Posters;

namespace MiniCode.Features.Households.Relatives;

/// <summary>Lets a holder check in a relative at a venue: only relatives of this holder resolve to a person.</summary>
internal sealed class HouseholdRelativeAccess(MiniCodeDbContext db) : IRelativeAccess
{
    public async Task<long?> RelativePersonIdAsync(long holderPersonId, long relativeId, CancellationToken ct) =>
        await db.Set<Relative>().AsNoTracking()
            .Where(r => r.Id == relativeId && r.HolderPersonId == holderPersonId)
            .Select(r => (long?)r.PersonId).FirstOrDefaultAsync(ct);
}
