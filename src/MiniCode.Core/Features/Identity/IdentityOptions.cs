using System.ComponentModel.DataAnnotations;
using MiniCode.Features.Identity.Consents;
using MiniCode.Features.Identity.Face;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Identity;

/// <summary>Section <c>Identity</c>: the rules of SMS codes, passwords and real-name verification.</summary>
public sealed class IdentityOptions : ISectionOptions
{
    public static string Section => "Identity";

    [ValidateObjectMembers] public SmsCodeRules Sms { get; set; } = new();
    [ValidateObjectMembers] public PasswordRules Password { get; set; } = new();
    [ValidateObjectMembers] public RealNameRules RealName { get; set; } = new();
    [ValidateObjectMembers] public FaceRules Face { get; set; } = new();
    [ValidateObjectMembers] public ConsentRules Consents { get; set; } = new();
}

public sealed class SmsCodeRules
{
    [Range(4, 8)] public int CodeLength { get; set; } = 6;
    /// <summary>How long a code is valid; at most 10 minutes.</summary>
    [TimeSpanRange("00:01:00", "00:10:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Wrong entries after which the code is dead.</summary>
    [Range(1, 20)] public int MaxAttempts { get; set; } = 5;
    /// <summary>No new code to the same phone sooner than this.</summary>
    [TimeSpanRange("00:00:10", "00:10:00")]
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Codes per phone in any rolling 24 hours.</summary>
    [Range(1, 100)] public int DailyLimitPerPhone { get; set; } = 10;
    /// <summary>Codes per client IP within <see cref="PerIpWindow"/>.</summary>
    [Range(1, 100000)] public int PerIpLimit { get; set; } = 30;
    [TimeSpanRange("00:01:00", "1.00:00:00")]
    public TimeSpan PerIpWindow { get; set; } = TimeSpan.FromHours(1);
}

public sealed class PasswordRules
{
    [Range(8, 64)] public int MinLength { get; set; } = 8;
    /// <summary>Wrong passwords from one address that block that address for the account for <see cref="LockoutDuration"/>.</summary>
    [Range(1, 50)] public int MaxFailedAttempts { get; set; } = 5;
    /// <summary>
    /// Wrong passwords from all addresses together: scanners' accounts then lock; citizens' are not locked but slowed,
    /// each further wrong password holding the name for <see cref="AllAddressesDelay"/>.
    /// </summary>
    [Range(1, 10_000)] public int MaxFailedAttemptsAllAddresses { get; set; } = 50;
    /// <summary>Citizens: the wait after each wrong password beyond <see cref="MaxFailedAttemptsAllAddresses"/>.</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan AllAddressesDelay { get; set; } = TimeSpan.FromMinutes(1);
    [TimeSpanRange("00:01:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class RealNameRules
{
    /// <summary>Real-name verification needs a verified face (<c>Identity:Face</c>).</summary>
    public bool RequireFaceVerification { get; set; } = true;
}
