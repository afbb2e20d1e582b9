using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Identity.Consents;

/// <summary>A consent as <c>GET /api/me/consents</c> lists it; <c>active</c> until withdrawn.</summary>
public sealed record ConsentView(long Id, string Purpose, string TextVersion, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt, bool Active,
    long AccountId, bool ThisAccount);

/// <summary>
/// PIPL consents for one's own real name, face verification and portrait. A feature calls <see cref="RequireAsync"/>
/// where it starts: the first use records the consent to the configured text version (the mini program showed that
/// text just before), a withdrawn one stops the feature (409 <c>identity.consent_withdrawn</c>) until it is given again
/// (<c>POST /api/me/consents</c>). Consents belong to the human: any account of the person counts, and a withdrawal
/// through one account stops the feature for all of them.
/// </summary>
public sealed class ConsentService(MiniCodeDbContext db, IEnumerable<IConsentWithdrawalParticipant> participants,
    IOptions<IdentityOptions> options, TimeProvider time)
{
    /// <summary>Refuses while withdrawn; otherwise adds the record when none of the current text is active. The caller's save writes it.</summary>
    public async Task RequireAsync(long accountId, string purpose, CancellationToken ct)
    {
        var rows = await RowsAsync(accountId, purpose, ct);
        if (rows.Count > 0 && rows.All(r => r.WithdrawnAt is not null))
            throw new ApiException(IdentityErrors.ConsentWithdrawn, $"已撤回的同意：{purpose}。请先在“个人信息授权”中重新同意（POST /api/me/consents）");
        if (!rows.Any(r => r.WithdrawnAt is null && r.TextVersion == VersionOf(purpose)) && !PendingFor(accountId, purpose))
            db.Add(NewConsent(accountId, purpose));
    }

    public async Task<IReadOnlyList<ConsentView>> ListAsync(long accountId, CancellationToken ct)
    {
        var accounts = await db.SameHumanAsync(accountId, ct);
        var rows = await db.Set<Consent>().AsNoTracking().Where(c => accounts.Contains(c.AccountId)).ToListAsync(ct);
        return rows.OrderByDescending(c => c.GivenAt).ThenByDescending(c => c.Id).Select(c => ToView(c, accountId)).ToList();
    }

    /// <summary>Gives (again) the consent to the current text; an active one of that text is answered as it is.</summary>
    public async Task<ConsentView> GiveAsync(long accountId, string purpose, CancellationToken ct)
    {
        var current = (await RowsAsync(accountId, purpose, ct)).FirstOrDefault(r => r.WithdrawnAt is null && r.TextVersion == VersionOf(purpose));
        if (current is null)
        {
            current = NewConsent(accountId, purpose);
            db.Add(current);
            await db.SaveChangesAsync(ct);
        }
        return ToView(current, accountId);
    }

    /// <summary>Withdraws every active consent of the person to <paramref name="purpose"/>; what depends on it stops at once.</summary>
    public async Task WithdrawAsync(long accountId, long? personId, string purpose, CancellationToken ct)
    {
        var active = ConsentPurposes.All.Contains(purpose)
            ? (await RowsAsync(accountId, purpose, ct, tracked: true)).Where(r => r.WithdrawnAt is null).ToList()
            : [];
        if (active.Count == 0) throw new ApiException(IdentityErrors.ConsentNotFound);
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in active) row.WithdrawnAt = now;
        await db.SaveChangesAsync(ct);
        foreach (var participant in participants) await participant.OnConsentWithdrawnAsync(accountId, personId, purpose, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The live consent (not withdrawn) of any account of the person to <paramref name="purpose"/>, or null.</summary>
    public Task<long?> LiveConsentOfPersonAsync(long personId, string purpose, CancellationToken ct) =>
        db.Set<Consent>().Where(c => c.Purpose == purpose && c.WithdrawnAt == null
                && db.Set<Account>().Any(a => a.Id == c.AccountId && a.PersonId == personId))
            .OrderByDescending(c => c.GivenAt).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);

    private async Task<List<Consent>> RowsAsync(long accountId, string purpose, CancellationToken ct, bool tracked = false)
    {
        var accounts = await db.SameHumanAsync(accountId, ct);
        var query = db.Set<Consent>().Where(c => accounts.Contains(c.AccountId) && c.Purpose == purpose);
        return await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
    }

    /// <summary>Real name with a face adds two consents in one request; neither twice.</summary>
    private bool PendingFor(long accountId, string purpose) =>
        db.ChangeTracker.Entries<Consent>().Any(e => e.State == EntityState.Added && e.Entity.AccountId == accountId && e.Entity.Purpose == purpose);

    private Consent NewConsent(long accountId, string purpose) =>
        new() { AccountId = accountId, Purpose = purpose, TextVersion = VersionOf(purpose), GivenAt = time.GetUtcNow() };

    private string VersionOf(string purpose) => options.Value.Consents.VersionOf(purpose);

    private static ConsentView ToView(Consent c, long accountId) =>
        new(c.Id, c.Purpose, c.TextVersion, c.GivenAt, c.WithdrawnAt, c.WithdrawnAt is null, c.AccountId, c.AccountId == accountId);
}
