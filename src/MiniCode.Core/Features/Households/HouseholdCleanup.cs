using MiniCode.Data;
using MiniCode.Features.Households.OfflineCards;
using MiniCode.Features.Households.Portraits;
using MiniCode.Features.Households.Relatives;
using MiniCode.Features.Identity;
using MiniCode.Features.Identity.Consents;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Households;

/// <summary>
/// What goes when a relative is removed or an account deleted (PIPL): the holder's cards for that person are revoked,
/// and a person nobody stands for any more (no account, no other holder) loses the photo and is anonymised. Runs in
/// the caller's transaction; files are deleted after the caller committed (<see cref="DeleteFilesAfterCommit"/>).
/// </summary>
public sealed class HouseholdCleanup(MiniCodeDbContext db, IPortraitStore portraits, CardFileCache cards, PersonalDataProtector protector, TimeProvider time)
    : IAccountDeletionParticipant, IConsentWithdrawalParticipant
{
    private readonly List<string> _portraitKeys = [];
    private readonly List<long> _cardIds = [];

    /// <summary>After the link holder → person was removed (and saved).</summary>
    public async Task AfterUnlinkAsync(long holderPersonId, long personId, CancellationToken ct)
    {
        await RevokeCardsAsync(c => c.PersonId == personId
            && db.Set<Account>().Any(a => a.Id == c.IssuedByAccountId && a.PersonId == holderPersonId), "relative_removed", ct);
        var standsFor = await db.Set<Account>().AnyAsync(a => a.PersonId == personId && a.Status != AccountStatus.Deleted, ct)
            || await db.Set<Relative>().AnyAsync(r => r.PersonId == personId, ct);
        if (!standsFor) await ForgetPersonAsync(personId, ct);
    }

    /// <summary>
    /// Account deletion: while another account stands on the person it takes over the cards and the household stays;
    /// otherwise the person's relatives go (and persons held only by them), its own photo and cards too.
    /// </summary>
    public async Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct)
    {
        if (await db.SuccessorAsync(accountId, personId, ct) is { } successor)
        {
            await db.Set<OfflineCard>().Where(c => c.IssuedByAccountId == accountId)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.IssuedByAccountId, successor), ct);
            return;
        }
        var relatives = await db.Set<Relative>().Where(r => r.HolderPersonId == personId).ToListAsync(ct);
        db.RemoveRange(relatives);
        await db.SaveChangesAsync(ct);
        foreach (var r in relatives) await AfterUnlinkAsync(r.HolderPersonId, r.PersonId, ct);
        await RevokeCardsAsync(c => c.IssuedByAccountId == accountId, "account_deleted", ct);
        if (personId is { } own)
        {
            await RevokeCardsAsync(c => c.PersonId == own, "account_deleted", ct);
            await RemovePortraitAsync(own, ct);
        }
        // The deletion's transaction commits right after the participants; a failed commit leaves rows without files,
        // which read as "no photo", never the reverse (files of deleted people).
        DeleteFilesAfterCommit();
    }

    /// <summary>Withdrawing the portrait consent deletes the own photo (PIPL Art. 47); the day's attempts stay counted.</summary>
    public async Task OnConsentWithdrawnAsync(long accountId, long? personId, string purpose, CancellationToken ct)
    {
        if (purpose != ConsentPurposes.Portrait || personId is not { } own) return;
        await RemovePortraitAsync(own, ct, keepAttempts: true);
        DeleteFilesAfterCommit();
    }

    public void DeleteFilesAfterCommit()
    {
        foreach (var key in _portraitKeys) portraits.DeleteAsync(key, CancellationToken.None).GetAwaiter().GetResult();
        foreach (var id in _cardIds) cards.Delete(id);
        _portraitKeys.Clear();
        _cardIds.Clear();
    }

    private async Task ForgetPersonAsync(long personId, CancellationToken ct)
    {
        await RevokeCardsAsync(c => c.PersonId == personId, "relative_removed", ct);
        await RemovePortraitAsync(personId, ct);
        var person = await db.Set<Person>().FirstAsync(p => p.Id == personId, ct);
        if (person.AnonymisedAt is not null) return;
        person.Anonymise(protector.Encrypt(""), time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task RemovePortraitAsync(long personId, CancellationToken ct, bool keepAttempts = false)
    {
        if (await db.Set<Portrait>().FirstOrDefaultAsync(p => p.PersonId == personId, ct) is { } portrait)
        {
            _portraitKeys.Add(portrait.StorageKey);
            db.Remove(portrait);
        }
        if (!keepAttempts) await db.Set<PortraitAttempt>().Where(a => a.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task RevokeCardsAsync(System.Linq.Expressions.Expression<Func<OfflineCard, bool>> which, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var active = await db.Set<OfflineCard>().Where(which).Where(c => c.Status == OfflineCardStatus.Active).ToListAsync(ct);
        foreach (var card in active)
        {
            card.Status = OfflineCardStatus.Revoked;
            card.RevokedAt = now;
            card.RevocationReason = reason;
            _cardIds.Add(card.Id);
        }
        await db.SaveChangesAsync(ct);
    }
}
