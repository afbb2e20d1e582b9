using System.Collections.Concurrent;
using MiniCode.Data;

namespace MiniCode.Features.HealthCodes.Notices;

/// <summary>
/// Keeps what it was given while the platform simulator part is on (development, tests), so every notice can be inspected
/// in one place (the WeChat / Alipay channels send through the simulator as in production); does nothing otherwise. Holds at most the latest <see cref="Capacity"/> messages.
/// </summary>
public sealed class RecordingNoticeChannel(IOptionsMonitor<Infrastructure.Hosting.HostPartsOptions> parts) : INoticeChannel
{
    public const int Capacity = 10_000;
    private readonly ConcurrentQueue<NoticeMessage> _sent = new();
    public string Name => "recording";
    public bool Deferred => false;
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
/// Collects notices during an action (scoped) and, once the action has committed (so a rolled-back change never
/// notifies), writes them to the inbox together with one <see cref="NoticeDelivery"/> per deferred channel in one unit
/// of work, wakes the delivery worker and calls the immediate channels. A failing immediate channel is logged and does
/// not stop the others. A colour change is also copied to the inbox of every <see cref="INoticeWatchers">watcher</see>
/// (the holders of the person as a relative), inbox only.
/// </summary>
public sealed class NoticeDispatcher(IServiceScopeFactory scopes, IEnumerable<INoticeChannel> channels, NoticeDeliverySignal signal,
    TimeProvider time, ILogger<NoticeDispatcher> logger)
{
    public const string ColorChangedKind = "color_changed", RelativeColorChangedKind = "relative_color_changed";
    private readonly List<NoticeMessage> _pending = [];

    public void Enqueue(NoticeMessage message) => _pending.Add(message);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = _pending.ToList();
        _pending.Clear();
        if (batch.Count == 0) return;
        var deferred = channels.Where(c => c.Deferred).Select(c => c.Name).ToList();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            var watchers = scope.ServiceProvider.GetRequiredService<INoticeWatchers>();
            var now = time.GetUtcNow();
            foreach (var message in batch)
            {
                if (message.Kind == ColorChangedKind)
                    foreach (var w in await watchers.WatchersOfAsync(message.PersonId, cancellationToken))
                        db.Add(new Notice
                        {
                            PersonId = w.PersonId, Kind = RelativeColorChangedKind, Title = "亲友健康码颜色变更", CreatedAt = message.At,
                            Body = (w.ColorOnly ? message.ColorOnlyBody ?? message.Body : message.Body).Replace("您的健康码", $"亲友{w.RelativeMaskedName}的健康码", StringComparison.Ordinal),
                        });
                var notice = new Notice { PersonId = message.PersonId, Kind = message.Kind, Title = message.Title, Body = message.Body, CreatedAt = message.At };
                db.Add(notice);
                foreach (var channel in deferred)
                    db.Add(new NoticeDelivery { Notice = notice, Channel = channel, Status = NoticeDeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (deferred.Count > 0) signal.Wake();
        foreach (var message in batch)
            foreach (var channel in channels.Where(c => !c.Deferred))
            {
                try { await channel.SendAsync(message, cancellationToken); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Notice {Kind} to person {PersonId} failed on channel {Channel}", message.Kind, message.PersonId, channel.Name);
                }
            }
    }
}
