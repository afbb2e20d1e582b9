using Microsoft.AspNetCore.Http.HttpResults;

namespace MiniCode.Infrastructure.Errors;

/// <summary>Collects per-field errors while a handler checks its input; ends with a 400 ValidationProblem when any were found.</summary>
public sealed class InputValidator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>The errors so far, per field (for callers that render them themselves, such as the admin pages).</summary>
    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    public InputValidator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    /// <summary>Adds <paramref name="message"/> for <paramref name="field"/> when <paramref name="condition"/> is false.</summary>
    public InputValidator Check(bool condition, string field, string message) => condition ? this : Add(field, message);

    public InputValidator Required(string? value, string field, string label, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, $"{label}不能为空");
        return value.Length > maxLength ? Add(field, $"{label}不能超过{maxLength}个字符") : this;
    }

    public InputValidator Optional(string? value, string field, string label, int maxLength)
        => value is not null && value.Length > maxLength ? Add(field, $"{label}不能超过{maxLength}个字符") : this;

    public ValidationProblem ToProblem() =>
        Problems.Validation(_errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));

    /// <summary>Throws a validation <see cref="ApiException"/> carrying the errors, for code below an endpoint.</summary>
    public void ThrowIfInvalid()
    {
        if (IsValid) return;
        throw Exception(_errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }

    /// <summary>The same 400 for a field found wrong only after the request was accepted (e.g. by a platform's answer).</summary>
    public static ApiException Failure(string field, string message) => Exception(new Dictionary<string, string[]> { [field] = [message] });

    private static ApiException Exception(Dictionary<string, string[]> errors) =>
        new(CommonErrors.ValidationFailed, extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
