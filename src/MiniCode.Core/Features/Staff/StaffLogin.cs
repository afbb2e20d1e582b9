using MiniCode.Data;
using System.Security.Cryptography;
using MiniCode.Features.Audit;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Staff;

/// <summary>
/// Checks a staff password; every outcome is audited. <see cref="AdminOptions.MaxFailedLogins"/> wrong passwords from
/// one address block that address for the account (<see cref="LoginThrottle"/>), so a stranger cannot lock the owner
/// out; <see cref="AdminOptions.MaxFailedLoginsAllAddresses"/> from any addresses lock the account itself.
/// </summary>
public sealed class StaffLogin(MiniCodeDbContext db, PasswordHasher hasher, AuditLog audit, TimeProvider time, IOptions<AdminOptions> options,
    LoginThrottle throttle)
{
    public enum Outcome { Success, Invalid, LockedOut, Disabled }

    public sealed record Result(Outcome Outcome, StaffMember? Staff, DateTimeOffset? LockedUntil = null);

    public async Task<Result> LoginAsync(string username, string password, string clientAddress, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var name = username.Trim();
        var staff = await db.Set<StaffMember>().SingleOrDefaultAsync(s => s.Username == name, ct);
        if (staff is null)
        {
            hasher.Verify(password, hasher.DummyHash);
            return new(Outcome.Invalid, null);
        }
        if (staff.LockedUntil is { } until && until > now) return new(Outcome.LockedOut, null, until);
        var lockout = TimeSpan.FromMinutes(options.Value.LockoutMinutes);
        // The attempt is taken before the password is checked: parallel guesses get no more tries than the limit.
        if (await throttle.TakeAccountAttemptAsync(LoginThrottle.Staff, staff.Id, clientAddress, options.Value.MaxFailedLogins, lockout, ct) is { } blocked)
            return new(Outcome.LockedOut, null, blocked);

        if (!hasher.Verify(password, staff.PasswordHash))
        {
            // Counted and locked in the database in one statement each, so parallel guesses (on any node) all count
            // and exactly one of them sets the lock.
            var id = staff.Id;
            var lockedUntil = now + lockout;
            var blockedUntil = await throttle.AccountAttemptFailedAsync(LoginThrottle.Staff, id, clientAddress, options.Value.MaxFailedLogins, lockout, ct);
            var max = options.Value.MaxFailedLoginsAllAddresses;
            await db.Set<StaffMember>().Where(s => s.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.FailedLoginCount, s => s.FailedLoginCount + 1), ct);
            var locked = await db.Set<StaffMember>().Where(s => s.Id == id && s.FailedLoginCount >= max)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LockedUntil, lockedUntil).SetProperty(s => s.FailedLoginCount, 0), ct) > 0;
            var action = locked ? "staff.lockout" : blockedUntil is not null ? "staff.login_blocked" : "staff.login_failed";
            audit.Record(ActorOf(staff), action, "staff", staff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
            return locked ? new(Outcome.LockedOut, null, lockedUntil)
                : blockedUntil is { } until2 ? new(Outcome.LockedOut, null, until2) : new(Outcome.Invalid, null);
        }
        if (staff.Status != StaffStatus.Active) return new(Outcome.Disabled, null);

        staff.FailedLoginCount = 0;
        staff.LockedUntil = null;
        await throttle.ClearAsync(LoginThrottle.Staff, staff.Id, clientAddress, ct);
        staff.LastLoginAt = now;
        audit.Record(ActorOf(staff), "staff.login", "staff", staff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return new(Outcome.Success, staff);
    }

    /// <summary>Ends every session of the staff member: a new security stamp invalidates each cookie issued so far.</summary>
    public Task LogOutEverywhereAsync(long staffId, CancellationToken ct) =>
        db.Set<StaffMember>().Where(s => s.Id == staffId).ExecuteUpdateAsync(u => u.SetProperty(s => s.SecurityStamp, NewSecurityStamp()), ct);

    public static string ActorOf(StaffMember staff) => "staff:" + staff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
