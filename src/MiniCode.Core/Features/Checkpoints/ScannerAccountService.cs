using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Identity;
using MiniCode.Features.Organisations;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Security;
using PasswordHasher = MiniCode.Infrastructure.Security.PasswordHasher;

namespace MiniCode.Features.Checkpoints;

/// <summary>The scanner's own account (我的): phone + password login with lockout, profile, password, logout, report settings.</summary>
public sealed class ScannerAccountService(
    MiniCodeDbContext db, ScannerDirectory scanners, PasswordHasher hasher, PersonalDataProtector protector, SessionService sessions,
    AuditLog audit, TimeProvider time, IOptions<IdentityOptions> identity, LoginThrottle throttle)
{
    /// <summary>
    /// <see cref="PasswordRules.MaxFailedAttempts"/> wrong passwords from one address block that address for the
    /// account (a stranger cannot lock the scanner out); <see cref="PasswordRules.MaxFailedAttemptsAllAddresses"/>
    /// from any addresses lock the account.
    /// </summary>
    public async Task<ScannerLoginResponse> LogInAsync(ScannerLoginRequest body, string clientAddress, CancellationToken ct)
    {
        var index = protector.BlindIndex(PhoneNumbers.Normalise(body.Phone)!);
        var profile = await scanners.Profiles().FirstOrDefaultAsync(p => p.PhoneIndex == index, ct);
        var account = profile?.Account;
        var now = time.GetUtcNow();
        if (account?.LockedUntil is { } until && until > now)
            throw Locked(until, now);
        var rules = identity.Value.Password;
        // The attempt is taken before the password is checked: parallel guesses get no more tries than the limit.
        if (account is not null
            && await throttle.TakeAccountAttemptAsync(LoginThrottle.Scanner, account.Id, clientAddress, rules.MaxFailedAttempts, rules.LockoutDuration, ct) is { } blocked)
            throw Locked(blocked, now);
        if (account is null || !hasher.Verify(body.Password!, account.PasswordHash))
        {
            if (account is not null)
            {
                // Atomic, as for citizens: parallel guesses all count and one of them sets the lock.
                var id = account.Id;
                var lockedUntil = now + rules.LockoutDuration;
                if (await throttle.AccountAttemptFailedAsync(LoginThrottle.Scanner, id, clientAddress, rules.MaxFailedAttempts, rules.LockoutDuration, ct) is not null)
                {
                    audit.Record(ScannerDirectory.Actor(id), "checkpoint.login_blocked", "scanner", Id(id));
                    await db.SaveChangesAsync(ct);
                }
                await db.Set<Account>().Where(a => a.Id == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.FailedPasswordAttempts, a => a.FailedPasswordAttempts + 1), ct);
                if (await db.Set<Account>().Where(a => a.Id == id && a.FailedPasswordAttempts >= rules.MaxFailedAttemptsAllAddresses)
                        .ExecuteUpdateAsync(u => u.SetProperty(a => a.LockedUntil, lockedUntil).SetProperty(a => a.FailedPasswordAttempts, 0), ct) > 0)
                {
                    audit.Record(ScannerDirectory.Actor(id), "checkpoint.login_locked", "scanner", Id(id));
                    await db.SaveChangesAsync(ct);
                }
            }
            throw new ApiException(CheckpointErrors.CredentialsInvalid);
        }
        // Status is revealed only to someone who knows the password.
        if (account.Status != AccountStatus.Active) throw new ApiException(CheckpointErrors.AccountDisabled);
        if (profile!.Site!.Status != SiteStatus.Active) throw new ApiException(CheckpointErrors.SiteStopped);
        account.FailedPasswordAttempts = 0;
        account.LockedUntil = null;
        await throttle.ClearAsync(LoginThrottle.Scanner, account.Id, clientAddress, ct);
        audit.Record(ScannerDirectory.Actor(account.Id), "checkpoint.login", "scanner", Id(account.Id));
        var session = await sessions.IssueAsync(account.Id, "scanner-password", false, ct); // saves the changes above too
        return new ScannerLoginResponse(session.Token, session.ExpiresAt, await ProfileAsync(profile, ct));
    }

    private static ApiException Locked(DateTimeOffset until, DateTimeOffset now) =>
        new(CheckpointErrors.AccountLocked) { RetryAfterSeconds = (int)Math.Ceiling((until - now).TotalSeconds) };

    public async Task<ScannerProfileView> ProfileAsync(ScannerProfile me, CancellationToken ct)
    {
        var parent = me.ParentAccountId is { } pid
            ? await db.Set<ScannerProfile>().Where(p => p.AccountId == pid).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        var reportSites = (await scanners.ReportSitesAsync(me, ct)).Select(ScannerDirectory.ToView).ToList();
        return new ScannerProfileView(me.AccountId, me.Name, me.PhoneMasked, me.IdNumberMasked, me.Role, ScannerDirectory.ToView(me.Site!),
            reportSites, parent, me.CreatedAt);
    }

    /// <summary>Changes the password and ends every other session of the account (whoever knew the old one).</summary>
    public async Task ChangePasswordAsync(ScannerProfile me, long currentSessionId, ScannerPasswordChangeRequest body, CancellationToken ct)
    {
        var account = me.Account!;
        if (!hasher.Verify(body.CurrentPassword!, account.PasswordHash)) throw new ApiException(CheckpointErrors.PasswordWrong);
        account.PasswordHash = hasher.Hash(body.NewPassword!);
        audit.Record(ScannerDirectory.Actor(me.AccountId), "checkpoint.password_change", "scanner", Id(me.AccountId));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var now = time.GetUtcNow();
        await db.Set<Session>().Where(s => s.AccountId == me.AccountId && s.Id != currentSessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
        await tx.CommitAsync(ct);
    }

    public async Task LogOutAsync(ScannerProfile me, long sessionId, CancellationToken ct)
    {
        audit.Record(ScannerDirectory.Actor(me.AccountId), "checkpoint.logout", "scanner", Id(me.AccountId));
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAsync(sessionId, ct);
    }

    /// <summary>Sites a scanner may report to: active sites of their own organisation and the sites they manage.</summary>
    public async Task<List<Site>> ReportableSitesAsync(ScannerProfile me, CancellationToken ct)
    {
        var managed = (await scanners.ManagedSitesAsync(me, ct)).Select(s => s.Id).ToList();
        var orgId = me.Site!.OrganisationId;
        return await db.Set<Site>().Include(s => s.Organisation)
            .Where(s => s.Status == SiteStatus.Active && (s.OrganisationId == orgId || managed.Contains(s.Id) || s.Id == me.SiteId))
            .OrderBy(s => s.Id).ToListAsync(ct);
    }

    public async Task<List<Site>> SetReportSitesAsync(ScannerProfile me, ReportSitesRequest body, CancellationToken ct)
    {
        var wanted = body.SiteIds?.Distinct().ToList() ?? [];
        var allowed = (await ReportableSitesAsync(me, ct)).Select(s => s.Id).ToHashSet();
        var refused = wanted.Where(id => !allowed.Contains(id)).ToList();
        new InputValidator().Check(refused.Count == 0, "siteIds", "不能上报到这些站点：" + string.Join("、", refused)).ThrowIfInvalid();

        var before = await db.Set<ScannerReportSite>().Where(r => r.AccountId == me.AccountId).ToListAsync(ct);
        db.RemoveRange(before.Where(r => !wanted.Contains(r.SiteId)));
        db.AddRange(wanted.Where(id => before.All(r => r.SiteId != id)).Select(id => new ScannerReportSite { AccountId = me.AccountId, SiteId = id }));
        audit.Record(ScannerDirectory.Actor(me.AccountId), "checkpoint.report_sites", "scanner", Id(me.AccountId),
            before.Select(r => r.SiteId).Order().ToList(), wanted.Order().ToList());
        await db.SaveChangesAsync(ct);
        return await scanners.ReportSitesAsync(me, ct);
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
