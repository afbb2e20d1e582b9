namespace MiniCode.Infrastructure.Errors;

/// <summary>Errors every feature can raise. Feature-specific errors live in the feature's own *Errors class.</summary>
public static class CommonErrors
{
    public static readonly ErrorCode ValidationFailed = new("request.validation_failed", 400, "请求参数有误，请检查后重试");
    public static readonly ErrorCode MalformedBody = new("request.malformed_body", 400, "请求内容格式错误，无法解析");
    public static readonly ErrorCode BadRequest = new("request.bad_request", 400, "请求无效");
    public static readonly ErrorCode UnsupportedMediaType = new("request.unsupported_media_type", 415, "不支持的内容类型，请使用 application/json");
    public static readonly ErrorCode BodyTooLarge = new("request.body_too_large", 413, "请求内容过大");
    public static readonly ErrorCode NotFound = new("common.not_found", 404, "请求的资源不存在");
    public static readonly ErrorCode MethodNotAllowed = new("common.method_not_allowed", 405, "不支持该请求方法");
    public static readonly ErrorCode Unauthorized = new("auth.unauthorized", 401, "请先登录");
    public static readonly ErrorCode Forbidden = new("auth.forbidden", 403, "没有权限执行此操作");
    public static readonly ErrorCode Conflict = new("common.conflict", 409, "数据已被修改，请刷新后重试");
    public static readonly ErrorCode RateLimited = new("common.rate_limited", 429, "操作过于频繁，请稍后再试");
    public static readonly ErrorCode Internal = new("common.internal_error", 500, "系统繁忙，请稍后再试");
    public static readonly ErrorCode Unavailable = new("common.unavailable", 503, "服务暂不可用，请稍后再试");
    /// <summary>The database is unreachable, timing out or busy (<see cref="DatabaseFaults"/>); possible on every endpoint.</summary>
    public static readonly ErrorCode DatabaseUnavailable = new("service.database_unavailable", 503, "系统繁忙，请稍后再试");

    /// <summary>What any endpoint can answer without declaring it: an internal error, an unavailable database.</summary>
    public static readonly IReadOnlyList<ErrorCode> Anywhere = [Internal, DatabaseUnavailable];

    /// <summary>The error a bare status code (from status-code pages) maps to.</summary>
    public static ErrorCode ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => BodyTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        503 => Unavailable,
        >= 500 => Internal,
        _ => new ErrorCode($"http.{status}", status, "请求无法完成"),
    };
}
