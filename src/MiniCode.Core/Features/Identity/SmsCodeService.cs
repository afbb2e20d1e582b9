using MiniCode.Infrastructure.Concurrency;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MiniCode.Data;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Security;
using MiniCode.Platform.Sms;

namespace MiniCode.Features.Identity;

public static class SmsPurposes
{
    public const string Login = "login", Bind = "bind", Register = "register", ResetPassword = "reset-password", AssistedRegistration = "assisted-registration";
    /// <summary>A relative agrees to be added by a holder; sent through <c>POST /api/me/relatives/consent-codes</c> only.</summary>
    public const string RelativeConsent = "relative-consent";
    /// <summary>A scanner (码上行动) resets a forgotten password; sent through <c>POST /api/checkpoint/password-reset/sms</c> only.</summary>
    public const string ScannerResetPassword = "scanner-reset-password";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Login, Bind, Register, ResetPassword, AssistedRegistration };
}

public sealed record SmsCodeSent(int ExpiresInSeconds, int ResendAfterSeconds);

/// <summary>Sends and checks SMS verification codes under <see cref="SmsCodeRules"/>; all state is in the database.</summary>
public sealed class SmsCodeService(MiniCodeDbContext db, PersonalDataProtector protector, ISmsSender sender, KeyedLocks locks, TimeProvider time,
    IOptions<IdentityOptions> options)
{
    private SmsCodeRules Rules => options.Value.Sms;

    public async Task<SmsCodeSent> SendAsync(string phone, string purpose, string clientIp, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var phoneIndex = protector.BlindIndex(phone);
        var ipIndex = protector.BlindIndex("ip:" + clientIp);
        var codes = db.Set<SmsCode>();

        // Sends to one phone, and from one client address, are serialised (in process and, on PostgreSQL, across nodes),
        // so two simultaneous requests cannot both pass the resend, daily or per-address checks. Phone before address
        // always, so two sends never wait on each other in a circle.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using var phoneLock = await locks.AcquireAsync(db, "sms:" + phoneIndex, ct);
        await using var ipLock = await locks.AcquireAsync(db, "sms-ip:" + ipIndex, ct);

        var dayStart = now - TimeSpan.FromDays(1);
        var recent = await codes.Where(c => c.PhoneIndex == phoneIndex && c.CreatedAt > dayStart)
            .Select(c => c.CreatedAt).ToListAsync(ct);
        if (recent.Count > 0 && recent.Max() is var last && now - last < Rules.ResendInterval)
            throw new ApiException(IdentityErrors.SmsResendTooSoon) { RetryAfterSeconds = Seconds(Rules.ResendInterval - (now - last)) };
        if (recent.Count >= Rules.DailyLimitPerPhone)
            throw new ApiException(IdentityErrors.SmsDailyLimit) { RetryAfterSeconds = Seconds(recent.Min() + TimeSpan.FromDays(1) - now) };
        var windowStart = now - Rules.PerIpWindow;
        var fromIp = await codes.Where(c => c.IpIndex == ipIndex && c.CreatedAt > windowStart).Select(c => c.CreatedAt).ToListAsync(ct);
        if (fromIp.Count >= Rules.PerIpLimit)
            throw new ApiException(IdentityErrors.SmsIpLimit) { RetryAfterSeconds = Seconds(fromIp.Min() + Rules.PerIpWindow - now) };

        var code = RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, Rules.CodeLength)).ToString("D" + Rules.CodeLength, CultureInfo.InvariantCulture);
        var minutes = (int)Math.Ceiling(Rules.CodeLifetime.TotalMinutes);
        // Sent before it is stored: a provider failure leaves no usable code and costs the user no quota.
        await sender.SendAsync(new SmsMessage(phone, purpose, code, minutes), ct);
        db.Add(new SmsCode
        {
            PhoneIndex = phoneIndex, Purpose = purpose, CodeHash = Hash(phone, purpose, code), IpIndex = ipIndex,
            CreatedAt = now, ExpiresAt = now + Rules.CodeLifetime,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SmsCodeSent(Seconds(Rules.CodeLifetime), Seconds(Rules.ResendInterval));
    }

    /// <summary>
    /// Checks <paramref name="code"/> against the latest code sent for this phone and purpose and uses it up (atomically, so a
    /// code works once even across nodes). Wrong entries are counted; the code dies after the configured number.
    /// </summary>
    public async Task ConsumeAsync(string phone, string purpose, string code, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var phoneIndex = protector.BlindIndex(phone);
        var latest = await db.Set<SmsCode>().AsNoTracking()
            .Where(c => c.PhoneIndex == phoneIndex && c.Purpose == purpose)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (latest is null || latest.ConsumedAt is not null) throw new ApiException(IdentityErrors.SmsCodeInvalid);
        if (latest.FailedAttempts >= Rules.MaxAttempts) throw new ApiException(IdentityErrors.SmsTooManyAttempts);
        if (now >= latest.ExpiresAt) throw new ApiException(IdentityErrors.SmsCodeExpired);

        var max = Rules.MaxAttempts;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(phone, purpose, code)), Encoding.ASCII.GetBytes(latest.CodeHash)))
        {
            await db.Set<SmsCode>().Where(c => c.Id == latest.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), ct);
            var left = max - latest.FailedAttempts - 1;
            if (left <= 0) throw new ApiException(IdentityErrors.SmsTooManyAttempts);
            throw new ApiException(IdentityErrors.SmsCodeInvalid, $"验证码错误，还可尝试{left}次", new Dictionary<string, object?> { ["attemptsLeft"] = left });
        }
        var used = await db.Set<SmsCode>().Where(c => c.Id == latest.Id && c.ConsumedAt == null && c.FailedAttempts < max)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ConsumedAt, now), ct);
        if (used == 0) throw new ApiException(IdentityErrors.SmsCodeInvalid);
    }

    /// <summary>
    /// Run by <c>expire-sms-codes</c>. The rows are also the send log the limits count, so a row is deleted once it is past
    /// every limit window (the day per phone, the per-IP window), which resets those windows; inside a window an expired or
    /// used code keeps its row for counting but loses its hash, so nothing checkable remains. Returns rows deleted + wiped.
    /// </summary>
    public async Task<int> ExpireAsync(DateTimeOffset now, CancellationToken ct)
    {
        var longestWindow = Rules.PerIpWindow > TimeSpan.FromDays(1) ? Rules.PerIpWindow : TimeSpan.FromDays(1);
        var countedSince = now - longestWindow;
        var deleted = await db.Set<SmsCode>().Where(c => c.CreatedAt <= countedSince).ExecuteDeleteAsync(ct);
        var wiped = await db.Set<SmsCode>().Where(c => c.CodeHash != "" && (c.ExpiresAt <= now || c.ConsumedAt != null))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.CodeHash, ""), ct);
        return deleted + wiped;
    }

    /// <summary>Removes every code of a phone (account deletion).</summary>
    public Task<int> ForgetPhoneAsync(string phone, CancellationToken ct) =>
        db.Set<SmsCode>().Where(c => c.PhoneIndex == protector.BlindIndex(phone)).ExecuteDeleteAsync(ct);

    private string Hash(string phone, string purpose, string code) => protector.BlindIndex($"sms:{phone}:{purpose}:{code}");

    private static int Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
}
