using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Platform.WeChat;

/// <summary>Section <c>WeChat</c>: the mini program's credentials and the API base URL (the simulator in development).</summary>
public sealed class WeChatOptions : ISectionOptions
{
    public static string Section => "WeChat";

    public string AppId { get; set; } = "";
    public string AppSecret { get; set; } = "";
    [Required] public string BaseUrl { get; set; } = "https://api.weixin.qq.com/";
    [TimeSpanRange("00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Retry-After sent to the client when WeChat is busy, slow or unreachable.</summary>
    [Range(1, 3600)] public int RetryAfterSeconds { get; set; } = 30;
    /// <summary>An access token is renewed this long before WeChat's <c>expires_in</c> says it ends.</summary>
    [TimeSpanRange("00:00:00", "01:00:00")]
    public TimeSpan AccessTokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);
}
