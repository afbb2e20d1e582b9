using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Errands;

/// <summary>
/// PIPL deletion of the person's last account (another account of the same person keeps everything): the open
/// authorisations it granted are revoked (the grantees see them ended) and the open ones granted to it are declined
/// (the grantors see the answer). Ended records stay as both sides' history; the deleted person is anonymised.
/// </summary>
internal sealed class ErrandAccountDeletion(MiniCodeDbContext db, PersonalDataProtector protector, TimeProvider time) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct)
    {
        if (personId is not { } id || await db.SuccessorAsync(accountId, personId, ct) is not null) return;
        var now = time.GetUtcNow();
        await Open(db.Set<ErrandAuthorisation>().Where(a => a.GrantorPersonId == id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AuthorisationStatus.Revoked).SetProperty(a => a.EndedAt, now), ct);

        // Received ones are found as the grantee finds them: by the document's blind index, under the person's name.
        var me = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == id, ct);
        var received = await Open(db.Set<ErrandAuthorisation>().Where(a => a.GranteeDocumentIndex == me.DocumentIndex))
            .Select(a => new { a.Id, a.GranteeNameCipher }).ToListAsync(ct);
        var mine = received.Where(a => protector.Decrypt(a.GranteeNameCipher) == me.Name).Select(a => a.Id).ToList();
        if (mine.Count == 0) return;
        await Open(db.Set<ErrandAuthorisation>().Where(a => mine.Contains(a.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AuthorisationStatus.Declined).SetProperty(a => a.RespondedAt, now)
                .SetProperty(a => a.GranteePersonId, id), ct);
    }

    private static IQueryable<ErrandAuthorisation> Open(IQueryable<ErrandAuthorisation> rows) =>
        rows.Where(a => a.Status == AuthorisationStatus.Pending || a.Status == AuthorisationStatus.Accepted);
}
