using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.Identity;

/// <summary>
/// One SMS verification code sent. Only a keyed hash of phone+purpose+code is kept. The rows are also the send log the
/// resend, daily and per-IP limits count, so the limits hold across several BFF nodes.
/// </summary>
public sealed class SmsCode
{
    public long Id { get; set; }
    /// <summary>Blind index of the phone number.</summary>
    public string PhoneIndex { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string CodeHash { get; set; } = "";
    /// <summary>Blind index of the requesting client's IP address.</summary>
    public string IpIndex { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
}

internal sealed class SmsCodeConfiguration : IEntityTypeConfiguration<SmsCode>
{
    public void Configure(EntityTypeBuilder<SmsCode> b)
    {
        b.ToTable("sms_codes");
        b.HasKey(x => x.Id);
        b.Property(x => x.PhoneIndex).HasMaxLength(64).IsRequired();
        b.Property(x => x.Purpose).HasMaxLength(30).IsRequired();
        b.Property(x => x.CodeHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.IpIndex).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.PhoneIndex, x.CreatedAt });
        b.HasIndex(x => new { x.IpIndex, x.CreatedAt });
    }
}
