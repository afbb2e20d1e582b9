using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace MiniCode.Infrastructure.Hosting;

/// <summary>
/// A <see cref="TimeSpan"/> setting must lie within [minimum, maximum]. Used instead of
/// <c>[Range(typeof(TimeSpan), ...)]</c>: that attribute converts its bounds lazily without a lock, and
/// attribute instances are shared, so two hosts validating options at once can throw
/// InvalidCastException (dotnet/runtime#1143). Here the bounds are parsed once, in the constructor.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) =>
        value is null || value is TimeSpan span && span >= Minimum && span <= Maximum;

    public override string FormatErrorMessage(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"The field {name} must be between {Minimum} and {Maximum}.");
}
