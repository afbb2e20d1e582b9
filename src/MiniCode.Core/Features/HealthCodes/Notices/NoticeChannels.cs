using System.Collections.Concurrent;
using MiniCode.Data;

namespace MiniCode.Features.HealthCodes.Notices;

/// <summary>Every notice lands in the inbox; written in its own unit of work after the action that caused it committed.</summary>
public sealed class InboxNoticeChannel(IServiceScopeFactory scopes) : INoticeChannel
{
    public string Name => "inbox";

    public async Task SendAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        db.Add(new Notice { PersonId = message.PersonId, Kind = message.Kind, Title = message.Title, Body = message.Body, CreatedAt = message.At });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Keeps what it was given while the platform simulator part is on (development, tests), so every notice can be inspected
/// in one place (the WeChat / Alipay channels send through the simulator as in production); does nothing otherwise. Holds at most the latest <see cref="Capacity"/> messages.
/// </summary>
public sealed class RecordingNoticeChannel(IOptionsMonitor<Infrastructure.Hosting.HostPartsOptions> parts) : INoticeChannel
{
    public const int Capacity = 10_000;
    private readonly ConcurrentQueue<NoticeMessage> _sent = new();
    public string Name => "recording";
    public IReadOnlyCollection<NoticeMessage> Sent => _sent.ToArray();

    public Task SendAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        if (!parts.CurrentValue.Simulator) return Task.CompletedTask;
        _sent.Enqueue(message);
        while (_sent.Count > Capacity) _sent.TryDequeue(out _);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Collects notices during an action (scoped) and sends them through every channel once the action has committed, so a
/// rolled-back change never notifies. A failing channel is logged and does not stop the others.
/// </summary>
public sealed class NoticeDispatcher(IEnumerable<INoticeChannel> channels, ILogger<NoticeDispatcher> logger)
{
    private readonly List<NoticeMessage> _pending = [];

    public void Enqueue(NoticeMessage message) => _pending.Add(message);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = _pending.ToList();
        _pending.Clear();
        foreach (var message in batch)
            foreach (var channel in channels)
            {
                try { await channel.SendAsync(message, cancellationToken); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Notice {Kind} to person {PersonId} failed on channel {Channel}", message.Kind, message.PersonId, channel.Name);
                }
            }
    }
}
