using MiniCode.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Sessions;

/// <summary>A login session. Only the SHA-256 of the token is stored; the token itself goes to the client once.</summary>
public sealed class Session : IClusterSignalled
{
    public IEnumerable<ClusterSignal> ClusterSignals() => ClusterSignal.For(ClusterTopics.Accounts, AccountId);

    public long Id { get; set; }
    public string TokenHash { get; set; } = "";
    public long AccountId { get; set; }
    public Account? Account { get; set; }
    /// <summary>How the session was opened: wechat, alipay, sms, password, scanner-password, test.</summary>
    public string Method { get; set; } = "";
    public bool StayLoggedIn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.ToTable("sessions");
        b.HasKey(x => x.Id);
        b.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Method).HasMaxLength(30).IsRequired();
        b.HasOne(x => x.Account).WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.AccountId);
        b.HasIndex(x => x.ExpiresAt);
    }
}
