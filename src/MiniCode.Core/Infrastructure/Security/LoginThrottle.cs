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
    /// <summary><c>staff</c> or <c>scanner</c>: the two account tables have their own ids.</summary>
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

/// <summary>Counts and blocks per account and address with single-statement updates, so parallel guesses on any node all count.</summary>
public sealed class LoginThrottle(MiniCodeDbContext db, PersonalDataProtector protector, TimeProvider time)
{
    public const string Staff = "staff", Scanner = "scanner";

    /// <summary>Until when this address may not try this account's password, or null.</summary>
    public async Task<DateTimeOffset?> BlockedUntilAsync(string scope, long accountId, string address, CancellationToken ct)
    {
        var index = protector.BlindIndex("login-address:" + address);
        var now = time.GetUtcNow();
        var until = await db.Set<LoginFailure>().AsNoTracking()
            .Where(f => f.Scope == scope && f.AccountId == accountId && f.AddressIndex == index).Select(f => f.BlockedUntil).SingleOrDefaultAsync(ct);
        return until > now ? until : null;
    }

    /// <summary>Counts a wrong password; returns the end of the block when this one reached <paramref name="max"/>.</summary>
    public async Task<DateTimeOffset?> FailAsync(string scope, long accountId, string address, int max, TimeSpan block, CancellationToken ct)
    {
        var index = protector.BlindIndex("login-address:" + address);
        var now = time.GetUtcNow();
        var row = db.Set<LoginFailure>().Where(f => f.Scope == scope && f.AccountId == accountId && f.AddressIndex == index);
        if (await row.ExecuteUpdateAsync(u => u.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.UpdatedAt, now), ct) == 0)
        {
            var first = new LoginFailure { Scope = scope, AccountId = accountId, AddressIndex = index, Failures = 1, UpdatedAt = now };
            db.Add(first);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (!DatabaseFaults.IsUnavailable(e))
            {
                // A parallel first failure inserted the row: count this one on it.
                db.Entry(first).State = EntityState.Detached;
                await row.ExecuteUpdateAsync(u => u.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.UpdatedAt, now), ct);
            }
        }
        var until = now + block;
        return await row.Where(f => f.Failures >= max)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.BlockedUntil, until).SetProperty(f => f.Failures, 0), ct) > 0 ? until : null;
    }

    /// <summary>A right password from this address forgets its failures.</summary>
    public Task ClearAsync(string scope, long accountId, string address, CancellationToken ct)
    {
        var index = protector.BlindIndex("login-address:" + address);
        return db.Set<LoginFailure>().Where(f => f.Scope == scope && f.AccountId == accountId && f.AddressIndex == index).ExecuteDeleteAsync(ct);
    }

    /// <summary>Rows untouched since <paramref name="before"/> (their blocks are long over).</summary>
    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct) =>
        db.Set<LoginFailure>().Where(f => f.UpdatedAt < before).ExecuteDeleteAsync(ct);
}
