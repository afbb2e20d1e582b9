using MiniCode.Data;
using MiniCode.Features.Households.Relatives;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Households;

/// <summary>
/// Resolves whose data a request is about: the caller's own person, or a relative of the caller. Anything else is a 404
/// (never a 403), so an account cannot even learn that another household's relative exists.
/// </summary>
public sealed class HouseholdAccess(MiniCodeDbContext db)
{
    public async Task<long> RelativePersonAsync(long holderAccountId, long relativeId, CancellationToken ct) =>
        await db.Set<Relative>().AsNoTracking()
            .Where(r => r.Id == relativeId && r.HolderAccountId == holderAccountId)
            .Select(r => (long?)r.PersonId).FirstOrDefaultAsync(ct)
        ?? throw new ApiException(HouseholdsErrors.RelativeNotFound);

    /// <summary>True when <paramref name="personId"/> is the caller's own person or one of the caller's relatives.</summary>
    public async Task<bool> MayActForAsync(long accountId, long? ownPersonId, long personId, CancellationToken ct) =>
        ownPersonId == personId
        || await db.Set<Relative>().AnyAsync(r => r.HolderAccountId == accountId && r.PersonId == personId, ct);
}
