using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Features.Identity.Consents;
using MiniCode.Features.People;

namespace MiniCode.Features.DigitalSpace;

/// <summary>
/// PIPL: withdrawing the <c>digital_space</c> consent deletes at once every tag of the person that rests on consent (with
/// its objections), in the withdrawal's transaction — they are no longer shown to anyone, the person included, and a new
/// import or rule attaches them only after a new consent. Tags on another basis stay. Account deletion takes every tag of
/// a person no other account stands on.
/// </summary>
public sealed class TagCleanup(MiniCodeDbContext db) : IConsentWithdrawalParticipant, IAccountDeletionParticipant
{
    public Task OnConsentWithdrawnAsync(long accountId, long? personId, string purpose, CancellationToken ct) =>
        purpose == ConsentPurposes.DigitalSpace && personId is { } id ? DeleteAsync(id, consentOnly: true, ct) : Task.CompletedTask;

    public async Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct)
    {
        if (personId is not { } id || await db.SuccessorAsync(accountId, personId, ct) is not null) return;
        await DeleteAsync(id, consentOnly: false, ct);
    }

    private async Task DeleteAsync(long personId, bool consentOnly, CancellationToken ct)
    {
        var tags = db.Set<Tag>().Where(t => t.SubjectKind == TagSubjectKind.Person && t.SubjectId == personId && (!consentOnly || t.BasisKind == LegalBasisKind.Consent));
        var ids = tags.Select(t => t.Id);
        await db.Set<TagObjection>().Where(o => ids.Contains(o.TagId)).ExecuteDeleteAsync(ct);
        await tags.ExecuteDeleteAsync(ct);
    }
}
