using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.HealthCodes.Notices;

/// <summary>One message in a person's in-app inbox (消息通知).</summary>
public sealed class Notice
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    /// <summary>"color_changed", "override", "appeal_resolved".</summary>
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.ToTable("notices");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(50).IsRequired();
        b.Property(x => x.Title).HasMaxLength(100).IsRequired();
        b.Property(x => x.Body).HasMaxLength(1000).IsRequired();
        b.HasIndex(x => new { x.PersonId, x.CreatedAt });
    }
}

/// <summary>A message to one person, independent of how it travels.</summary>
/// <summary>A notice; <paramref name="ColorOnlyBody"/> is what a watcher who may see only the colour gets (no reasons).</summary>
public sealed record NoticeMessage(long PersonId, string Kind, string Title, string Body, DateTimeOffset At, string? ColorOnlyBody = null);

/// <summary>Someone else whose inbox gets a copy of a person's colour-change notices: a holder of that person as a relative.</summary>
/// <remarks><paramref name="ColorOnly"/>: the holder of a private relative, who sees the colour but not why (others' records).</remarks>
public sealed record NoticeWatcher(long PersonId, string RelativeMaskedName, bool ColorOnly = false);

/// <summary>Who watches a person's colour (households fill it: holders of a proven relative, or of one without an account).</summary>
public interface INoticeWatchers
{
    Task<IReadOnlyList<NoticeWatcher>> WatchersOfAsync(long personId, CancellationToken ct);
}

internal sealed class NoNoticeWatchers : INoticeWatchers
{
    public Task<IReadOnlyList<NoticeWatcher>> WatchersOfAsync(long personId, CancellationToken ct) => Task.FromResult<IReadOnlyList<NoticeWatcher>>([]);
}

/// <summary>
/// One way a notice reaches the citizen besides the in-app inbox (which every notice lands in): a WeChat subscribe
/// message, an Alipay message (<c>services.AddSingleton&lt;INoticeChannel, ...&gt;()</c>). A deferred channel is sent
/// through the <see cref="NoticeDelivery"/> outbox, off the request and with retries; others are called at once.
/// </summary>
public interface INoticeChannel
{
    string Name { get; }
    bool Deferred { get; }
    Task SendAsync(NoticeMessage message, CancellationToken cancellationToken);
}
