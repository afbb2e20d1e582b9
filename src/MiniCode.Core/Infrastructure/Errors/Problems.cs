using Microsoft.AspNetCore.Http.HttpResults;

namespace MiniCode.Infrastructure.Errors;

/// <summary>Builds typed ProblemDetails results that carry a stable error code.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(ErrorCode error, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var ext = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = error.Code };
        return TypedResults.Problem(detail: detail, statusCode: error.Status, title: error.Message, extensions: ext);
    }

    /// <summary>A 400 with per-field messages; <paramref name="errors"/> maps field name to Chinese messages.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null)
    {
        return TypedResults.ValidationProblem(errors, detail: detail, title: CommonErrors.ValidationFailed.Message,
            extensions: new Dictionary<string, object?> { ["code"] = CommonErrors.ValidationFailed.Code });
    }

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });
}
