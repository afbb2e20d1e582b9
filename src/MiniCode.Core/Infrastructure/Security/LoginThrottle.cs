using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Data;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Infrastructure.Security;

/// <summary>
/// Wrong passwords of one account from one client address (its blind index: addresses are personal data). Enough of
/// them block that address for that account only, so a stranger who knows a user name delays their own guesses and
/// never locks the owner out; the account-wide lock stays as a much higher backstop against many addresses.
/// </summary>
public sealed class LoginFailure
{
    public long Id { get; set; }
    /// <summary>
    /// <c>staff</c> or <c>scanner</c> (the two account tables have their own ids); <c>citizen</c> and
    /// <c>citizen-all</c> rows have no account id (0) and are keyed by the login name in <see cref="AddressIndex"/>.
    /// </summary>
    public string Scope { get; set; } = "";
    public long AccountId { get; set; }
    public string AddressIndex { get; set; } = "";
    public int Failures { get; set; }
    public DateTimeOffset? BlockedUntil { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> b)
    {
        b.ToTable("login_failures");
        b.HasKey(x => x.Id);
        b.Property(x => x.Scope).HasMaxLength(20).IsRequired();
        b.Property(x => x.AddressIndex).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.Scope, x.AccountId, x.AddressIndex }).IsUnique();
        b.HasIndex(x => x.UpdatedAt);
    }
}

/// <summary>
/// Counts and blocks per account and address with single-statement updates. Each attempt is taken before the password
/// is checked, so parallel guesses on any node never get more tries than the limit.
/// </summary>
public sealed class LoginThrottle(MiniCodeDbContext db, PersonalDataProtector protector, TimeProvider time)
{
    public const string Staff = "staff", Scanner = "scanner", Citizen = "citizen", CitizenAllAddresses = "citizen-all";

    /// <summary>
    /// Takes one attempt at a staff or scanner account's password from an address before the password is checked, so
    /// at most <paramref name="max"/> guesses get past it (parallel ones on any node included). Null: go on; otherwise
    /// until when the address is blocked for this account.
    /// </summary>
    public Task<DateTimeOffset?> TakeAccountAttemptAsync(string scope, long accountId, string address, int max, TimeSpan block, CancellationToken ct) =>
        TakeAsync(scope, accountId, AddressIndex(address), max, block, ct);

    /// <summary>The attempt taken was a wrong password: once the count is full, the address is blocked for <paramref name="block"/>.</summary>
    public Task<DateTimeOffset?> AccountAttemptFailedAsync(string scope, long accountId, string address, int max, TimeSpan block, CancellationToken ct) =>
        FailedAsync(scope, accountId, AddressIndex(address), max, block, ct);

    /// <summary>A right password from this address forgets its failures.</summary>
    public Task ClearAsync(string scope, long accountId, string address, CancellationToken ct)
    {
        var index = AddressIndex(address);
        return db.Set<LoginFailure>().Where(f => f.Scope == scope && f.AccountId == accountId && f.AddressIndex == index).ExecuteDeleteAsync(ct);
    }

    private string AddressIndex(string address) => protector.BlindIndex("login-address:" + address);

    /// <summary>
    /// Citizens log in by phone or user name, which may name no account: their rows are keyed by that name (with the
    /// address, or alone for the all-addresses ceiling), so an unknown name is throttled exactly like a known one and
    /// the answers never tell them apart.
    /// </summary>
    public string CitizenKey(string login, string? address = null) =>
        protector.BlindIndex(address is null ? "citizen-login:" + login : "citizen-login:" + login + "|" + address);

    /// <summary>
    /// Takes one attempt for a citizen key before the password is checked, in one conditional update: at most
    /// <paramref name="max"/> attempts get past it (parallel ones included) until a success clears the key or a block
    /// ends. Returns null when the attempt may go on, otherwise until when the key is held (at least one second).
    /// </summary>
    public Task<DateTimeOffset?> TakeAttemptAsync(string scope, string key, int max, TimeSpan block, CancellationToken ct) =>
        TakeAsync(scope, 0, key, max, block, ct);

    private async Task<DateTimeOffset?> TakeAsync(string scope, long accountId, string key, int max, TimeSpan block, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var row = db.Set<LoginFailure>().Where(f => f.Scope == scope && f.AccountId == accountId && f.AddressIndex == key);
        if (!await row.AnyAsync(ct))
        {
            var first = new LoginFailure { Scope = scope, AccountId = accountId, AddressIndex = key, UpdatedAt = now };
            db.Add(first);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (!DatabaseFaults.IsUnavailable(e)) { } // a parallel attempt made it
            db.Entry(first).State = EntityState.Detached;
        }
        // A block that has ended starts the count afresh.
        await row.Where(f => f.BlockedUntil != null && f.BlockedUntil <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.BlockedUntil, (DateTimeOffset?)null).SetProperty(f => f.Failures, 0), ct);
        if (await row.Where(f => f.Failures < max && f.BlockedUntil == null)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.UpdatedAt, now), ct) > 0)
            return null;
        var until = await row.AsNoTracking().Select(f => f.BlockedUntil).SingleOrDefaultAsync(ct);
        // The attempts that filled the count may still be checking their passwords: the block is about to be set.
        return until > now ? until : now + block;
    }

    /// <summary>The attempt taken was a wrong password: once the count is full, the key is held for <paramref name="block"/>.</summary>
    public Task<DateTimeOffset?> AttemptFailedAsync(string scope, string key, int max, TimeSpan block, CancellationToken ct) =>
        FailedAsync(scope, 0, key, max, block, ct);

    private async Task<DateTimeOffset?> FailedAsync(string scope, long accountId, string key, int max, TimeSpan block, CancellationToken ct)
    {
        var until = time.GetUtcNow() + block;
        return await db.Set<LoginFailure>().Where(f => f.Scope == scope && f.AccountId == accountId && f.AddressIndex == key && f.Failures >= max && f.BlockedUntil == null)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.BlockedUntil, until), ct) > 0 ? until : null;
    }

    /// <summary>
    /// A slowing ceiling, not a lock: counts every wrong password of the name from all addresses; past <paramref name="max"/>
    /// each one holds the name for <paramref name="delay"/>, so guessing from many addresses slows to one try per delay
    /// while the owner, after that short wait (or at once through the SMS login), gets in.
    /// </summary>
    public async Task CountTowardsCeilingAsync(string key, int max, TimeSpan delay, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var row = db.Set<LoginFailure>().Where(f => f.Scope == CitizenAllAddresses && f.AccountId == 0 && f.AddressIndex == key);
        if (await row.ExecuteUpdateAsync(u => u.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.UpdatedAt, now), ct) == 0)
        {
            var first = new LoginFailure { Scope = CitizenAllAddresses, AddressIndex = key, Failures = 1, UpdatedAt = now };
            db.Add(first);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (!DatabaseFaults.IsUnavailable(e))
            {
                db.Entry(first).State = EntityState.Detached;
                await row.ExecuteUpdateAsync(u => u.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.UpdatedAt, now), ct);
            }
        }
        var until = now + delay;
        await row.Where(f => f.Failures >= max).ExecuteUpdateAsync(u => u.SetProperty(f => f.BlockedUntil, until), ct);
    }

    /// <summary>Until when a citizen key is held (a block or the ceiling's delay), or null.</summary>
    public async Task<DateTimeOffset?> HeldUntilAsync(string scope, string key, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = await db.Set<LoginFailure>().AsNoTracking().Where(f => f.Scope == scope && f.AccountId == 0 && f.AddressIndex == key)
            .Select(f => f.BlockedUntil).SingleOrDefaultAsync(ct);
        return until > now ? until : null;
    }

    /// <summary>A right password forgets the name's failures, from this address and from all.</summary>
    public Task ClearCitizenAsync(string addressKey, string nameKey, CancellationToken ct) =>
        db.Set<LoginFailure>().Where(f => f.AccountId == 0 && ((f.Scope == Citizen && f.AddressIndex == addressKey) || (f.Scope == CitizenAllAddresses && f.AddressIndex == nameKey)))
            .ExecuteDeleteAsync(ct);

    /// <summary>Rows untouched since <paramref name="before"/> (their blocks are long over).</summary>
    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct) =>
        db.Set<LoginFailure>().Where(f => f.UpdatedAt < before).ExecuteDeleteAsync(ct);
}
