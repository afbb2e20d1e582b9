using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Identity;
using MiniCode.Features.People;
using MiniCode.Features.Organisations;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;
using PasswordHasher = MiniCode.Infrastructure.Security.PasswordHasher;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// Staff's actions on scanner accounts (admin 扫码员账号): disable, enable, reset a forgotten password, move to another
/// site. The admin finds the target within its jurisdiction first; every action is audited under the staff actor.
/// </summary>
public sealed class ScannerAdministration(MiniCodeDbContext db, LineActions lines, PasswordHasher hasher, PasswordPolicy policy,
    SessionService sessions, AuditLog audit)
{
    public async Task DisableAsync(ScannerProfile target, string staffActor, CancellationToken ct)
    {
        audit.Record(staffActor, "checkpoint.scanner_disable", "scanner", Id(target));
        await lines.DisableAsync([target.AccountId], ct);
    }

    public async Task EnableAsync(ScannerProfile target, string staffActor, CancellationToken ct)
    {
        if (target.Site!.Status != SiteStatus.Active) throw new ApiException(CheckpointErrors.SiteStopped);
        target.Account!.Status = AccountStatus.Active;
        audit.Record(staffActor, "checkpoint.scanner_enable", "scanner", Id(target));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new password set by staff: the lock is lifted and every session of the account ends.</summary>
    public async Task ResetPasswordAsync(ScannerProfile target, string? newPassword, string staffActor, CancellationToken ct)
    {
        if (policy.Violation(newPassword) is { } violation)
            new InputValidator().Add("NewPassword", violation).ThrowIfInvalid();
        var account = target.Account!;
        account.PasswordHash = hasher.Hash(newPassword!);
        account.FailedPasswordAttempts = 0;
        account.LockedUntil = null;
        audit.Record(staffActor, "checkpoint.scanner_password_reset", "scanner", Id(target));
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAllAsync(account.Id, ct);
    }

    /// <summary>Moves the scanner to another active site; the line (parent, subordinates) stays as it is.</summary>
    public async Task MoveAsync(ScannerProfile target, Site site, string staffActor, CancellationToken ct)
    {
        if (site.Status != SiteStatus.Active) throw new ApiException(CheckpointErrors.SiteStopped);
        if (site.Id == target.SiteId) return;
        audit.Record(staffActor, "checkpoint.scanner_move", "scanner", Id(target), new { siteId = target.SiteId }, new { siteId = site.Id });
        target.SiteId = site.Id;
        target.Site = site;
        await db.SaveChangesAsync(ct);
    }

    private static string Id(ScannerProfile p) => p.AccountId.ToString(CultureInfo.InvariantCulture);
}
