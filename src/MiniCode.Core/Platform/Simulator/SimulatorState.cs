using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MiniCode.Platform.Simulator;

/// <summary>What the simulated platforms remember between calls: issued access tokens and delivered subscribe messages.</summary>
public sealed class SimulatorState
{
    public sealed record SubscribeRecord(string ToUser, string TemplateId, string? Page, string DataJson, DateTimeOffset At);

    private readonly ConcurrentDictionary<string, byte> _accessTokens = new();
    public sealed record AlipayTemplateRecord(string ToUserId, string UserTemplateId, string? Page, string DataJson, DateTimeOffset At);

    private readonly ConcurrentQueue<SubscribeRecord> _subscribe = new();
    private readonly ConcurrentQueue<AlipayTemplateRecord> _alipayTemplates = new();
    private string? _stableToken;
    private readonly object _gate = new();
    private int _tokenIssues;

    public int AccessTokensIssued => _tokenIssues;

    private readonly Outage _subscribeOutage = new();

    /// <summary>The next <paramref name="calls"/> subscribe sends answer "system busy" (-1), as in a platform outage.</summary>
    public void StartSubscribeOutage(int calls) => _subscribeOutage.Start(calls);

    /// <summary>True (and one fewer left) while an outage lasts.</summary>
    public bool TakeSubscribeOutage() => _subscribeOutage.Take();

    /// <summary>stable_token semantics: the same token until it is expired or a forced refresh is asked for.</summary>
    public string StableToken(bool forceRefresh)
    {
        lock (_gate)
        {
            if (_stableToken is null || forceRefresh)
            {
                _stableToken = "sim-at-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                _accessTokens[_stableToken] = 0;
                Interlocked.Increment(ref _tokenIssues);
            }
            return _stableToken;
        }
    }

    public bool IsValidToken(string? token) => token is not null && _accessTokens.ContainsKey(token);

    /// <summary>Invalidates every issued token, so the next API call answers 40001 (tests the client's renewal).</summary>
    public void ExpireTokens()
    {
        lock (_gate) { _accessTokens.Clear(); }
    }

    public void AddSubscribe(SubscribeRecord record)
    {
        _subscribe.Enqueue(record);
        while (_subscribe.Count > 500) _subscribe.TryDequeue(out _);
    }

    public IReadOnlyList<SubscribeRecord> Subscribe(string? toUser) => _subscribe.Where(r => toUser is null || r.ToUser == toUser).Reverse().ToList();

    public void AddAlipayTemplate(AlipayTemplateRecord record)
    {
        _alipayTemplates.Enqueue(record);
        while (_alipayTemplates.Count > 500) _alipayTemplates.TryDequeue(out _);
    }

    public IReadOnlyList<AlipayTemplateRecord> AlipayTemplates(string? toUserId) =>
        _alipayTemplates.Where(r => toUserId is null || r.ToUserId == toUserId).Reverse().ToList();

    /// <summary>Deterministic per openid so a developer sees a stable session key (16 bytes, base64).</summary>
    public static string SessionKeyFor(string openId) =>
        Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("sim-session-key:" + openId))[..16]);
}

/// <summary>A platform outage lasting a number of calls (each call during it answers the platform's busy error).</summary>
public sealed class Outage
{
    private int _left;

    public void Start(int calls) => Interlocked.Exchange(ref _left, Math.Max(0, calls));

    /// <summary>True (and one fewer left) while the outage lasts.</summary>
    public bool Take()
    {
        while (true)
        {
            var left = Volatile.Read(ref _left);
            if (left <= 0) return false;
            if (Interlocked.CompareExchange(ref _left, left - 1, left) == left) return true;
        }
    }
}
