using System.Reflection;

namespace MiniCode.Infrastructure.Errors;

/// <summary>Every <see cref="ErrorCode"/> declared as a static field in this assembly: the catalogue published to mini-program developers.</summary>
public static class ErrorCatalog
{
    private static readonly Lazy<IReadOnlyList<ErrorCode>> All_ = new(() =>
        typeof(ErrorCatalog).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(ErrorCode))
            .Select(f => (ErrorCode)f.GetValue(null)!)
            .DistinctBy(e => e.Code)
            .OrderBy(e => e.Code, StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<ErrorCode> All => All_.Value;
}
