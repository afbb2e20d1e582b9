using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Rendering;

public static class RenderingErrors
{
    /// <summary>The SVG converter could not be started or did not answer in time: a 503 with Retry-After, as for any
    /// dependency that is down, logged as an error for the operator.</summary>
    public static readonly ErrorCode ConverterUnavailable = new("rendering.unavailable", 503, "图片生成暂不可用，请稍后再试");

    public const int RetryAfterSeconds = 30;

    internal static ApiException Unavailable(string detail) => new(ConverterUnavailable, detail) { RetryAfterSeconds = RetryAfterSeconds };
}
