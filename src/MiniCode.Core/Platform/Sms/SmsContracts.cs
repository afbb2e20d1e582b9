using System.Collections.Concurrent;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Platform.Sms;

/// <summary>A verification-code text: the provider fills its registered template with the code and validity.</summary>
public sealed record SmsMessage(string Phone, string Purpose, string Code, int ValidMinutes)
{
    public string Text => $"您的验证码为{Code}，{ValidMinutes}分钟内有效。如非本人操作，请忽略本短信。";
}

public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken ct = default);
}

public static class SmsErrors
{
    public static readonly ErrorCode ProviderRateLimited = new("sms.provider_rate_limited", 503, "短信发送过于频繁，请稍后再试");
    public static readonly ErrorCode ProviderRejected = new("sms.provider_rejected", 502, "短信发送失败，请稍后再试");
    public static readonly ErrorCode Timeout = new("sms.provider_timeout", 503, "短信服务响应超时，请稍后再试");
    public static readonly ErrorCode Unreachable = new("sms.provider_unreachable", 502, "暂时无法连接短信服务，请稍后再试");

    /// <summary>What sending an SMS can end in (declared on the endpoints that send one).</summary>
    public static readonly IReadOnlyList<ErrorCode> Trouble = [ProviderRateLimited, ProviderRejected, Timeout, Unreachable];

    public static PlatformFailures Failures(SmsOptions o) => new(Timeout, Unreachable, o.RetryAfterSeconds);
}

/// <summary>
/// The last messages "delivered" in the embedded default (log sender and the simulator's provider endpoints), readable at
/// <c>GET /simulator/sms/outbox</c> so a developer can log in without a phone. Bounded, in memory.
/// </summary>
public sealed class SmsOutbox
{
    public sealed record Entry(string Phone, string Text, string? Code, string Provider, DateTimeOffset SentAt);
    private const int Capacity = 500;
    private readonly ConcurrentQueue<Entry> _entries = new();

    public void Add(Entry entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity) _entries.TryDequeue(out _);
    }

    public IReadOnlyList<Entry> For(string? phone) =>
        _entries.Where(e => phone is null || e.Phone == phone).Reverse().ToList();
}
