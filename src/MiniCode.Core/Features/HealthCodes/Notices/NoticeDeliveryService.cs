using System.Threading.Channels;
using MiniCode.Data;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.HealthCodes.Notices;

/// <summary>
/// Sends the due <see cref="NoticeDelivery"/> rows through their channel: claims each (a lease, so two nodes never send
/// one at once), sends, and records the outcome. Platform trouble (5xx, 429, timeouts, unexpected errors) is retried
/// with a doubling delay up to <see cref="NoticeDeliveryOptions.MaxAttempts"/>; a refusal (the user did not subscribe,
/// an invalid recipient) is final.
/// </summary>
public sealed class NoticeDeliveryService(MiniCodeDbContext db, IEnumerable<INoticeChannel> channels, IOptions<NoticeDeliveryOptions> options,
    TimeProvider time, ILogger<NoticeDeliveryService> logger)
{
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var due = await db.Set<NoticeDelivery>().AsNoTracking()
            .Where(d => d.Status == NoticeDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(o.BatchSize).ToListAsync(ct);
        var handled = 0;
        foreach (var id in due)
            if (await DeliverAsync(id, o, ct)) handled++;
        return handled;
    }

    /// <summary>Deletes sent and failed deliveries past <see cref="NoticeDeliveryOptions.KeepDays"/>.</summary>
    public Task<int> PurgeEndedAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow().AddDays(-options.Value.KeepDays);
        return db.Set<NoticeDelivery>().Where(d => d.Status != NoticeDeliveryStatus.Pending && d.EndedAt < before).ExecuteDeleteAsync(ct);
    }

    private async Task<bool> DeliverAsync(long id, NoticeDeliveryOptions o, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var leaseEnd = now + o.Lease;
        var claimed = await db.Set<NoticeDelivery>()
            .Where(d => d.Id == id && d.Status == NoticeDeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.ClaimedUntil, leaseEnd), ct);
        if (claimed == 0) return false; // another node took it

        var delivery = await db.Set<NoticeDelivery>().Include(d => d.Notice).SingleAsync(d => d.Id == id, ct);
        var notice = delivery.Notice;
        var channel = channels.FirstOrDefault(c => c.Deferred && c.Name == delivery.Channel);
        delivery.Attempts++;
        delivery.ClaimedUntil = null;
        if (notice is null || channel is null)
            End(delivery, NoticeDeliveryStatus.Failed, notice is null ? "notice no longer exists" : $"channel {delivery.Channel} is not registered");
        else
        {
            try
            {
                await channel.SendAsync(new NoticeMessage(notice.PersonId, notice.Kind, notice.Title, notice.Body, notice.CreatedAt), ct);
                End(delivery, NoticeDeliveryStatus.Sent, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var final = ex is ApiException { Error.Status: < 500 and not 429 } || delivery.Attempts >= o.MaxAttempts;
                var reason = ex is ApiException api ? $"{api.Error.Code}: {api.Detail ?? api.Error.Message}" : ex.GetType().Name + ": " + ex.Message;
                logger.LogWarning(ex, "Notice {NoticeId} via {Channel}, attempt {Attempt}, failed{Final}", notice.Id, channel.Name, delivery.Attempts,
                    final ? " for good" : "; will retry");
                if (final) End(delivery, NoticeDeliveryStatus.Failed, reason);
                else
                {
                    delivery.LastError = Truncate(reason);
                    delivery.NextAttemptAt = time.GetUtcNow() + o.RetryDelay(delivery.Attempts);
                }
            }
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    private void End(NoticeDelivery delivery, NoticeDeliveryStatus status, string? error)
    {
        delivery.Status = status;
        delivery.EndedAt = time.GetUtcNow();
        delivery.LastError = error is null ? null : Truncate(error);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}

/// <summary>Wakes the <see cref="NoticeDeliveryWorker"/> when a request has queued deliveries.</summary>
public sealed class NoticeDeliverySignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    public ValueTask<bool> WaitAsync(CancellationToken ct) => _wake.Reader.WaitToReadAsync(ct);

    public void Consume() => _wake.Reader.TryRead(out _);
}

/// <summary>
/// Sends new deliveries as soon as they are queued, off the request that caused them; retries that come due later
/// are sent by the <c>send-notices</c> job (every node's job scheduler shares that work through the claims).
/// </summary>
public sealed class NoticeDeliveryWorker(NoticeDeliverySignal signal, IServiceScopeFactory scopes, ILogger<NoticeDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await signal.WaitAsync(stoppingToken))
            {
                signal.Consume();
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<NoticeDeliveryService>().DeliverDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Sending queued notices failed; the send-notices job will retry");
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}

/// <summary>Scheduled as <c>send-notices</c>: sends deliveries whose retry is due, then deletes ended ones past their keep time.</summary>
public sealed class SendNoticesJob(NoticeDeliveryService deliveries) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var sent = await deliveries.DeliverDueAsync(cancellationToken);
        await deliveries.PurgeEndedAsync(cancellationToken);
        return new(sent);
    }
}
