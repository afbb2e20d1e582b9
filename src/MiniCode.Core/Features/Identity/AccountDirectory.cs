using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Identity;

/// <summary>Finds and creates citizen accounts, attaches phones, opens sessions and builds the masked account view.</summary>
public sealed class AccountDirectory(
    MiniCodeDbContext db, SessionService sessions, PersonalDataProtector protector, AccountLogins logins, TimeProvider time, BusinessCalendar calendar)
{
    public Account NewCitizen() => new() { Kind = AccountKind.Citizen, CreatedAt = time.GetUtcNow() };

    public Task<Account?> ByPhoneAsync(string phone, CancellationToken ct)
    {
        var index = protector.BlindIndex(phone);
        return db.Set<Account>().Include(a => a.Person).FirstOrDefaultAsync(a => a.PhoneIndex == index, ct);
    }

    public async Task<Account> CurrentAsync(long accountId, CancellationToken ct) =>
        await db.Set<Account>().Include(a => a.Person).FirstOrDefaultAsync(a => a.Id == accountId, ct)
        ?? throw new ApiException(SessionErrors.Invalid);

    /// <summary>Sets the phone of <paramref name="account"/>; a phone belongs to one account.</summary>
    public async Task AttachPhoneAsync(Account account, string phone, CancellationToken ct)
    {
        var index = protector.BlindIndex(phone);
        if (await db.Set<Account>().AnyAsync(a => a.PhoneIndex == index && a.Id != account.Id, ct))
            throw new ApiException(IdentityErrors.PhoneInUse);
        account.PhoneIndex = index;
        account.PhoneCipher = protector.Encrypt(phone);
        account.PhoneMasked = SensitiveDataMasker.MaskPhone(phone);
    }

    /// <summary>
    /// The account a platform-verified phone logs into: the one holding the phone, else the platform identity's, else a new
    /// one. A phone held by another account than the platform identity's is never moved; the answer names that account's
    /// logins. The phone is attached when the account has none.
    /// </summary>
    public async Task<Account> ForVerifiedPhoneAsync(Account? byPlatform, string phone, CancellationToken ct)
    {
        var byPhone = await ByPhoneAsync(phone, ct);
        if (byPhone is not null && byPlatform is not null && byPhone.Id != byPlatform.Id) throw AccountLogins.PhoneBoundElsewhere(byPhone);
        var account = byPhone ?? byPlatform ?? NewCitizen();
        EnsureActive(account);
        if (account.PhoneIndex is null) await AttachPhoneAsync(account, phone, ct);
        return account;
    }

    /// <summary>Saves the (possibly new) account and opens a session in one transaction.</summary>
    public async Task<LoginResponse> LogInAsync(Account account, string method, bool stayLoggedIn, CancellationToken ct)
    {
        EnsureActive(account);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (account.Id == 0) db.Add(account);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first logins with the same identity raced; the other one won.
            throw new ApiException(CommonErrors.Conflict, "登录冲突，请重试");
        }
        var session = await sessions.IssueAsync(account.Id, method, stayLoggedIn, ct);
        await tx.CommitAsync(ct);
        return new LoginResponse(session.Token, session.ExpiresAt, await ToDtoAsync(account, ct));
    }

    public static void EnsureActive(Account account)
    {
        if (account.Status != AccountStatus.Active) throw new ApiException(IdentityErrors.AccountDisabled);
    }

    public async Task<AccountDto> ToDtoAsync(Account a, CancellationToken ct)
    {
        var today = calendar.Today();
        var p = a.Person;
        var realName = p is null ? null : new RealNameDto(SensitiveDataMasker.MaskName(p.Name), ToWire(p.DocumentType), p.DocumentMasked, p.AgeOn(today), p.Gender);
        return new AccountDto(a.Id, a.Kind.ToString().ToLowerInvariant(), a.PhoneMasked, a.Username, a.PasswordHash is not null,
            a.WeChatOpenId is not null, a.AlipayUserId is not null || a.AlipayOpenId is not null, realName, a.CreatedAt,
            await logins.OfPersonAsync(a, ct));
    }

    public static string ToWire(DocumentType type) => type switch
    {
        DocumentType.ResidentId => "residentId",
        DocumentType.Passport => "passport",
        DocumentType.HkMacaoPermit => "hkMacaoPermit",
        _ => "taiwanPermit",
    };
}
