using MiniCode.Data;
using MiniCode.Features.Posters;

namespace MiniCode.Features.Households.Relatives;

/// <summary>Lets a holder check in a relative at a venue: only relatives of this holder resolve to a person; a private one sees only the holder's own check-ins.</summary>
internal sealed class HouseholdRelativeAccess(MiniCodeDbContext db, RelativeLinks links) : IRelativeAccess
{
    public async Task<long?> RelativePersonIdAsync(long holderPersonId, long relativeId, CancellationToken ct) =>
        (await RelativeAsync(holderPersonId, relativeId, ct))?.PersonId;

    public async Task<CheckInSubject?> RelativeAsync(long holderPersonId, long relativeId, CancellationToken ct) =>
        await links.FindAsync(db, holderPersonId, l => l.RelativeId == relativeId, ct) is { } link ? new CheckInSubject(link.PersonId, link.Shared) : null;
}
