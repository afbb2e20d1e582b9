using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Organisations;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// What a manager does to the scanners below them: disable a whole line (the account and everyone below it), disable or
/// enable one account only, and replace a person with an ordinary scanner of the same site.
/// </summary>
public sealed class LineActions(MiniCodeDbContext db, ScannerDirectory scanners, AuditLog audit, TimeProvider time)
{
    public async Task<LineActionResult> DisableLineAsync(ScannerProfile me, long accountId, CancellationToken ct)
    {
        ScannerDirectory.RequireManager(me);
        var target = await scanners.SubordinateAsync(me, accountId, ct);
        var line = await scanners.DescendantsAsync(target.AccountId, ct);
        line.Insert(0, target.AccountId);
        audit.Record(ScannerDirectory.Actor(me.AccountId), "checkpoint.line_disable", "scanner", Id(target.AccountId), after: new { accounts = line });
        return await DisableAsync(line, ct);
    }

    public async Task<LineActionResult> DisableOneAsync(ScannerProfile me, long accountId, CancellationToken ct)
    {
        ScannerDirectory.RequireManager(me);
        var target = await scanners.SubordinateAsync(me, accountId, ct);
        audit.Record(ScannerDirectory.Actor(me.AccountId), "checkpoint.scanner_disable", "scanner", Id(target.AccountId));
        return await DisableAsync([target.AccountId], ct);
    }

    public async Task<ScannerView> EnableAsync(ScannerProfile me, long accountId, CancellationToken ct)
    {
        ScannerDirectory.RequireManager(me);
        var target = await scanners.SubordinateAsync(me, accountId, ct);
        if (target.Site!.Status != SiteStatus.Active) throw new ApiException(CheckpointErrors.SiteStopped);
        target.Account!.Status = AccountStatus.Active;
        audit.Record(ScannerDirectory.Actor(me.AccountId), "checkpoint.scanner_enable", "scanner", Id(target.AccountId));
        await db.SaveChangesAsync(ct);
        return ScannerDirectory.ToView(target);
    }

    /// <summary>
    /// 人员替换: an active ordinary scanner of the target's site takes the target's role, parent, subordinates and managed
    /// sites; the replaced person becomes an ordinary scanner under them.
    /// </summary>
    public async Task<ScannerView> ReplaceAsync(ScannerProfile me, long accountId, ReplaceScannerRequest body, CancellationToken ct)
    {
        ScannerDirectory.RequireManager(me);
        var target = await scanners.SubordinateAsync(me, accountId, ct);
        var replacement = await scanners.Profiles().FirstOrDefaultAsync(p => p.AccountId == body.ReplacementAccountId, ct);
        if (replacement is null || replacement.AccountId == target.AccountId || replacement.SiteId != target.SiteId
            || replacement.Role != ScannerRole.Ordinary || replacement.Account!.Status != AccountStatus.Active)
            throw new ApiException(CheckpointErrors.ReplacementInvalid);

        var before = new { target = new { target.AccountId, Role = target.Role.ToString(), target.ParentAccountId }, replacement = new { replacement.AccountId, replacement.ParentAccountId } };
        var children = await db.Set<ScannerProfile>()
            .Where(p => p.ParentAccountId == target.AccountId && p.AccountId != replacement.AccountId).ToListAsync(ct);
        foreach (var child in children) child.ParentAccountId = replacement.AccountId;
        var managed = await db.Set<ManagedSite>().Where(m => m.AccountId == target.AccountId).ToListAsync(ct);
        var replacementManaged = await db.Set<ManagedSite>().Where(m => m.AccountId == replacement.AccountId).Select(m => m.SiteId).ToListAsync(ct);
        db.RemoveRange(managed);
        db.AddRange(managed.Where(m => !replacementManaged.Contains(m.SiteId)).Select(m => new ManagedSite { AccountId = replacement.AccountId, SiteId = m.SiteId }));

        replacement.Role = target.Role;
        replacement.ParentAccountId = target.ParentAccountId;
        target.Role = ScannerRole.Ordinary;
        target.ParentAccountId = replacement.AccountId;
        audit.Record(ScannerDirectory.Actor(me.AccountId), "checkpoint.scanner_replace", "scanner", Id(target.AccountId), before,
            new { replacedBy = replacement.AccountId, role = replacement.Role.ToString(), movedChildren = children.Select(c => c.AccountId).ToList() });
        await db.SaveChangesAsync(ct);
        return ScannerDirectory.ToView(replacement);
    }

    /// <summary>Disables the accounts and ends their sessions, together with the audit entries already added by the caller.</summary>
    public async Task<LineActionResult> DisableAsync(IReadOnlyList<long> accountIds, CancellationToken ct)
    {
        var ids = accountIds.ToList();
        var accounts = await db.Set<Account>().Where(a => ids.Contains(a.Id) && a.Status == AccountStatus.Active).ToListAsync(ct);
        foreach (var account in accounts) account.Status = AccountStatus.Disabled;
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var revoked = await db.Set<Session>().Where(s => ids.Contains(s.AccountId) && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
        await tx.CommitAsync(ct);
        return new LineActionResult(accounts.Select(a => a.Id).ToList(), revoked);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
