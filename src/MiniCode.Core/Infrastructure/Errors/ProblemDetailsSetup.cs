using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace MiniCode.Infrastructure.Errors;

internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddMiniCodeProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var pd = ctx.ProblemDetails;
            var status = pd.Status ?? ctx.HttpContext.Response.StatusCode;
            if (!pd.Extensions.ContainsKey("code"))
            {
                var error = CommonErrors.ForStatus(status);
                pd.Extensions["code"] = error.Code;
                // Replace the framework's English reason phrase with the Chinese message.
                pd.Title = error.Message;
            }
            pd.Extensions["requestId"] = ctx.HttpContext.TraceIdentifier;
            pd.Extensions.Remove("traceId");
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Bad input throws instead of answering an empty 400, so the handler can name what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}

/// <summary>Turns every exception into RFC 9457 ProblemDetails with a stable code; never leaks internals.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (error, detail, extensions) = Classify(exception);
        if (error.Status >= 500)
            logger.LogError(exception, "Unhandled error {ErrorCode}", error.Code);
        else
            logger.LogInformation("Request failed with {ErrorCode}: {Reason}", error.Code, exception.GetType().Name);

        http.Response.StatusCode = error.Status;
        if (RetryAfterOf(exception, error) is { } retry)
            http.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var pd = new ProblemDetails { Status = error.Status, Title = error.Message, Detail = detail };
        pd.Extensions["code"] = error.Code;
        foreach (var (k, v) in extensions) pd.Extensions[k] = v;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = pd, Exception = exception });
    }

    private static int? RetryAfterOf(Exception exception, ErrorCode error) => exception is ApiException { RetryAfterSeconds: { } retry } ? retry
        : error == CommonErrors.DatabaseUnavailable ? DatabaseFaults.RetryAfterSeconds : null;

    internal static (ErrorCode, string?, IReadOnlyDictionary<string, object?>) Classify(Exception exception)
    {
        var none = new Dictionary<string, object?>();
        return exception switch
        {
            ApiException api => (api.Error, api.Detail, api.Extensions ?? none),
            _ when DatabaseFaults.IsUnavailable(exception) => (CommonErrors.DatabaseUnavailable, null, none),
            BadHttpRequestException bad when bad.InnerException is JsonException json =>
                (CommonErrors.MalformedBody, MalformedDetail(json), none),
            BadHttpRequestException { StatusCode: 413 } => (CommonErrors.BodyTooLarge, null, none),
            BadHttpRequestException { StatusCode: 415 } => (CommonErrors.UnsupportedMediaType, null, none),
            BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
                (CommonErrors.MalformedBody, "请求体缺失或无法读取", none),
            BadHttpRequestException bad => (CommonErrors.ForStatus(bad.StatusCode), "请求参数格式错误", none),
            JsonException json => (CommonErrors.MalformedBody, MalformedDetail(json), none),
            OperationCanceledException => (new ErrorCode("common.cancelled", 499, "请求已取消"), null, none),
            DbUpdateConcurrencyException => (CommonErrors.Conflict, null, none),
            _ => (CommonErrors.Internal, null, none),
        };
    }

    private static string MalformedDetail(JsonException json) =>
        json.Path is { Length: > 0 } path ? $"JSON 格式错误（位置 {path}）" : "JSON 格式错误";
}
