using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Identity;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Security;
using PasswordHasher = MiniCode.Infrastructure.Security.PasswordHasher;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// 忘记密码 of 码上行动: a code by SMS to the phone of the scanner account, then the code and a new password. The citizen
/// reset's codes, throttles and SMS client (<see cref="SmsCodeService"/>, purpose <c>scanner-reset-password</c>); as
/// there, the code is sent to any phone and checked before anything about the account, so no answer tells whether a
/// phone belongs to a scanner. A reset lifts the lockout and ends every session of the account.
/// </summary>
public sealed class ScannerPasswordReset(
    MiniCodeDbContext db, SmsCodeService codes, ScannerDirectory scanners, PersonalDataProtector protector, PasswordHasher hasher,
    SessionService sessions, AuditLog audit)
{
    public Task<SmsCodeSent> SendCodeAsync(string phone, string clientAddress, CancellationToken ct) =>
        codes.SendAsync(phone, SmsPurposes.ScannerResetPassword, clientAddress, ct);

    public async Task ConfirmAsync(PasswordResetRequest body, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Phone)!;
        await codes.ConsumeAsync(phone, SmsPurposes.ScannerResetPassword, body.Code!, ct);
        var index = protector.BlindIndex(phone);
        var profile = await scanners.Profiles().FirstOrDefaultAsync(p => p.PhoneIndex == index, ct)
            ?? throw new ApiException(IdentityErrors.AccountNotFound);
        var account = profile.Account!;
        if (account.Status != AccountStatus.Active) throw new ApiException(CheckpointErrors.AccountDisabled);
        account.PasswordHash = hasher.Hash(body.NewPassword!);
        account.FailedPasswordAttempts = 0;
        account.LockedUntil = null;
        audit.Record(ScannerDirectory.Actor(account.Id), "checkpoint.password_reset_sms", "scanner", account.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        // Whoever knew the old password is logged out everywhere.
        await sessions.RevokeAllAsync(account.Id, ct);
    }
}
