namespace MiniCode.Platform.Sms;

/// <summary>The embedded default's "provider": writes the text to the log and to the simulator outbox.</summary>
public sealed class LogSmsSender(SmsOutbox outbox, TimeProvider time, ILogger<LogSmsSender> logger) : ISmsSender
{
    public Task SendAsync(SmsMessage message, CancellationToken ct = default)
    {
        // The phone is masked by the log redactor; the text (with the code) is what a developer needs in the embedded default.
        logger.LogInformation("SMS ({Purpose}) to {Phone}: {SmsText}", message.Purpose, message.Phone, message.Text);
        outbox.Add(new SmsOutbox.Entry(message.Phone, message.Text, message.Code, "log", time.GetUtcNow()));
        return Task.CompletedTask;
    }
}
