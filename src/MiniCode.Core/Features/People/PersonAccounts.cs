using MiniCode.Data;

namespace MiniCode.Features.People;

/// <summary>
/// The accounts that stand on one person (WeChat, Alipay, phone… of one human). What an account holds for its person —
/// posters, offline cards — is shared by all of them.
/// </summary>
public static class PersonAccounts
{
    /// <summary>The ids of the live accounts on the same person as <paramref name="accountId"/>; just that one before real name.</summary>
    public static async Task<List<long>> SameHumanAsync(this MiniCodeDbContext db, long accountId, CancellationToken ct)
    {
        var ids = await db.Set<Account>().AsNoTracking()
            .Where(me => me.Id == accountId && me.PersonId != null)
            .SelectMany(me => db.Set<Account>().Where(a => a.PersonId == me.PersonId && a.Status != AccountStatus.Deleted).Select(a => a.Id))
            .ToListAsync(ct);
        if (!ids.Contains(accountId)) ids.Add(accountId);
        return ids;
    }

    /// <summary>Another live account on <paramref name="personId"/> than <paramref name="accountId"/>, which takes over what the deleted one held.</summary>
    public static Task<long?> SuccessorAsync(this MiniCodeDbContext db, long accountId, long? personId, CancellationToken ct) =>
        personId is null
            ? Task.FromResult<long?>(null)
            : db.Set<Account>().Where(a => a.PersonId == personId && a.Id != accountId && a.Status != AccountStatus.Deleted)
                .OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
}
