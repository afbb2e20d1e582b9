using System.Text.Json;

namespace MiniCode.Features.Jobs;

/// <summary>Reads the item count back out of the result Hangfire stored for a succeeded run (its own JSON settings).</summary>
public static class JobResultText
{
    public static int? ItemsProcessed(string? json)
    {
        if (json is not { Length: > 0 }) return null;
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in document.RootElement.EnumerateObject())
            if (string.Equals(property.Name, nameof(JobResult.ItemsProcessed), StringComparison.OrdinalIgnoreCase) && property.Value.TryGetInt32(out var n))
                return n;
        return null;
    }
}
