using System.Security.Claims;
using MiniCode.Features.Sessions;
using MiniCode.Data;
using MiniCode.Features.Households.Relatives;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Households;

/// <summary>A relative as far as one holder reaches them: the person, and whether the relative proved they agree.</summary>
public sealed record RelativeSubject(long PersonId, bool Shared);

/// <summary>
/// Resolves whose data a request is about: the caller's own person, or a relative of the caller. Anything else is a 404
/// (never a 403), so an account cannot even learn that another household's relative exists. Links are read from
/// <see cref="RelativeLinks"/> (memory when warm).
/// </summary>
public sealed class HouseholdAccess(MiniCodeDbContext db, RelativeLinks links)
{
    /// <summary>The caller's relative <paramref name="relativeId"/>; the caller's person is the holder.</summary>
    public async Task<RelativeSubject> RelativeAsync(ClaimsPrincipal user, long relativeId, CancellationToken ct) =>
        (user.PersonIdOrNull() is { } holderPersonId && await links.FindAsync(db, holderPersonId, l => l.RelativeId == relativeId, ct) is { } link
            ? new RelativeSubject(link.PersonId, link.Shared)
            : null)
        ?? throw new ApiException(HouseholdsErrors.RelativeNotFound);

    /// <summary>The person of a relative, for what every holder may do (show the code, issue their own card).</summary>
    public async Task<long> RelativePersonAsync(ClaimsPrincipal user, long relativeId, CancellationToken ct) =>
        (await RelativeAsync(user, relativeId, ct)).PersonId;

    /// <summary>The person of a proven relative, for the person's own data (portrait, results); 403 while private.</summary>
    public async Task<long> SharedRelativePersonAsync(ClaimsPrincipal user, long relativeId, CancellationToken ct)
    {
        var subject = await RelativeAsync(user, relativeId, ct);
        return subject.Shared ? subject.PersonId : throw new ApiException(HouseholdsErrors.ProofRequired);
    }

    /// <summary>True when <paramref name="personId"/> is the caller's own person or one of the caller's relatives.</summary>
    public async Task<bool> MayActForAsync(long? ownPersonId, long personId, CancellationToken ct) =>
        ownPersonId is { } own && (own == personId || await links.FindAsync(db, own, l => l.PersonId == personId, ct) is not null);
}
