using System.Security.Claims;
using MiniCode.Features.Sessions;
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
    /// <summary>The person of the caller's relative <paramref name="relativeId"/>; the caller's person is the holder.</summary>
    public async Task<long> RelativePersonAsync(ClaimsPrincipal user, long relativeId, CancellationToken ct) =>
        (user.PersonIdOrNull() is { } holderPersonId
            ? await db.Set<Relative>().AsNoTracking()
                .Where(r => r.Id == relativeId && r.HolderPersonId == holderPersonId)
                .Select(r => (long?)r.PersonId).FirstOrDefaultAsync(ct)
            : null)
        ?? throw new ApiException(HouseholdsErrors.RelativeNotFound);

    /// <summary>True when <paramref name="personId"/> is the caller's own person or one of the caller's relatives.</summary>
    public async Task<bool> MayActForAsync(long? ownPersonId, long personId, CancellationToken ct) =>
        ownPersonId is { } own && (own == personId || await db.Set<Relative>().AnyAsync(r => r.HolderPersonId == own && r.PersonId == personId, ct));
}
