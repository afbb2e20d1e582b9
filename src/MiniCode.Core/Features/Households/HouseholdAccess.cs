using MiniCode.Data;
using MiniCode.Features.Households.Relatives;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Households;

/// <summary>A relative as far as one holder reaches them: the person, and whether the relative proved they agree.</summary>
public sealed record RelativeSubject(long PersonId, bool Shared);

/// <summary>
/// Resolves whose data a request is about: the caller's own person, or a relative of the caller. Anything else is a 404
/// (never a 403), so an account cannot even learn that another household's relative exists.
/// </summary>
public sealed class HouseholdAccess(MiniCodeDbContext db)
{
    public async Task<RelativeSubject> RelativeAsync(long holderAccountId, long relativeId, CancellationToken ct) =>
        await db.Set<Relative>().AsNoTracking()
            .Where(r => r.Id == relativeId && r.HolderAccountId == holderAccountId)
            .Select(r => new RelativeSubject(r.PersonId, r.Proof != RelativeProof.None)).FirstOrDefaultAsync(ct)
        ?? throw new ApiException(HouseholdsErrors.RelativeNotFound);

    /// <summary>The person of a relative, for what every holder may do (show the code, issue their own card).</summary>
    public async Task<long> RelativePersonAsync(long holderAccountId, long relativeId, CancellationToken ct) =>
        (await RelativeAsync(holderAccountId, relativeId, ct)).PersonId;

    /// <summary>The person of a proven relative, for the person's own data (portrait, results); 403 while private.</summary>
    public async Task<long> SharedRelativePersonAsync(long holderAccountId, long relativeId, CancellationToken ct)
    {
        var subject = await RelativeAsync(holderAccountId, relativeId, ct);
        return subject.Shared ? subject.PersonId : throw new ApiException(HouseholdsErrors.ProofRequired);
    }

    /// <summary>True when <paramref name="personId"/> is the caller's own person or one of the caller's relatives.</summary>
    public async Task<bool> MayActForAsync(long accountId, long? ownPersonId, long personId, CancellationToken ct) =>
        ownPersonId == personId
        || await db.Set<Relative>().AnyAsync(r => r.HolderAccountId == accountId && r.PersonId == personId, ct);
}
