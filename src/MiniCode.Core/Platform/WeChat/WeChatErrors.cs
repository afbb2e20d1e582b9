using MiniCode.Infrastructure.Errors;

namespace MiniCode.Platform.WeChat;

/// <summary>Every WeChat failure has its own code; platform trouble is 502/503 with Retry-After.</summary>
public static class WeChatErrors
{
    public static readonly ErrorCode CodeInvalid = new("wechat.code_invalid", 400, "微信登录凭证无效，请重新登录");
    public static readonly ErrorCode CodeUsed = new("wechat.code_used", 400, "微信登录凭证已被使用，请重新登录");
    public static readonly ErrorCode RateLimited = new("wechat.rate_limited", 503, "微信接口调用过于频繁，请稍后再试");
    public static readonly ErrorCode UserBlocked = new("wechat.user_blocked", 403, "该微信用户已被限制登录");
    public static readonly ErrorCode Busy = new("wechat.busy", 503, "微信系统繁忙，请稍后再试");
    public static readonly ErrorCode Timeout = new("wechat.timeout", 503, "微信服务响应超时，请稍后再试");
    public static readonly ErrorCode Unreachable = new("wechat.unreachable", 502, "暂时无法连接微信服务，请稍后再试");
    public static readonly ErrorCode AccessTokenRejected = new("wechat.access_token_rejected", 502, "微信接口凭证失效，请稍后再试");
    public static readonly ErrorCode SubscribeRefused = new("wechat.subscribe_refused", 400, "用户未订阅该消息");
    public static readonly ErrorCode Failed = new("wechat.error", 502, "微信服务返回错误，请稍后再试");

    /// <summary>Platform trouble any WeChat call can end in (declared on the endpoints that call WeChat).</summary>
    public static readonly IReadOnlyList<ErrorCode> Trouble = [RateLimited, Busy, Timeout, Unreachable, AccessTokenRejected, Failed];

    public static ErrorCode ForErrcode(int errcode) => errcode switch
    {
        40029 => CodeInvalid,
        40163 => CodeUsed,
        45011 => RateLimited,
        40226 => UserBlocked,
        -1 => Busy,
        40001 or 42001 => AccessTokenRejected,
        43101 => SubscribeRefused,
        _ => Failed,
    };

    public static PlatformFailures Failures(WeChatOptions o) => new(Timeout, Unreachable, o.RetryAfterSeconds);
}
