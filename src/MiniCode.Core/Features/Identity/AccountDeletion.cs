using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Identity;

/// <summary>
/// Lets another feature remove what it holds only for a deleted account (e.g. relatives of a household). Called inside the
/// deletion's transaction before it commits; make changes through the same DbContext or in SQL on its connection.
/// </summary>
public interface IAccountDeletionParticipant
{
    Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct);
}

/// <summary>
/// PIPL right to delete: the account loses every identifier (phone, WeChat/Alipay ids, username, password, session key),
/// its person is anonymised (the blind index and the health facts on it stay) unless another account still stands on it, SMS codes go, sessions are revoked. What remains is
/// the audit fact that account N was deleted at T.
/// </summary>
public sealed class AccountDeletion(
    MiniCodeDbContext db, SessionService sessions, PersonalDataProtector protector, AuditLog audit, TimeProvider time,
    IEnumerable<IAccountDeletionParticipant> participants)
{
    public async Task DeleteAsync(Account account, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var personId = account.PersonId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var participant in participants) await participant.OnAccountDeletingAsync(account.Id, personId, ct);

        if (account.PhoneIndex is { } phoneIndex)
            await db.Set<SmsCode>().Where(c => c.PhoneIndex == phoneIndex).ExecuteDeleteAsync(ct);
        if (account.Person is { } person &&
            !await db.Set<Account>().AnyAsync(a => a.PersonId == person.Id && a.Id != account.Id && a.Status != AccountStatus.Deleted, ct))
        {
            person.Anonymise(protector.Encrypt(""), now);
        }
        account.Status = AccountStatus.Deleted;
        account.DeletedAt = now;
        account.PersonId = null;
        account.Person = null;
        account.PhoneCipher = account.PhoneIndex = account.PhoneMasked = null;
        account.WeChatOpenId = account.WeChatUnionId = account.WeChatSessionKeyCipher = null;
        account.AlipayUserId = account.AlipayOpenId = null;
        account.Username = account.PasswordHash = null;
        account.FailedPasswordAttempts = 0;
        account.LockedUntil = null;
        audit.Record($"account:{account.Id}", "account.deleted", "account", account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            after: new { personAnonymised = personId is not null });
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAllAsync(account.Id, ct);
        await tx.CommitAsync(ct);
    }
}
