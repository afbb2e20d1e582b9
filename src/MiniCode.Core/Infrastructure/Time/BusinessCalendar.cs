using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Infrastructure.Time;

/// <summary>Section <c>BusinessCalendar</c>: the one time zone of every calendar day, midnight and time shown to people.</summary>
public sealed class BusinessCalendarOptions : ISectionOptions, IValidatableObject
{
    public static string Section => "BusinessCalendar";

    /// <summary>IANA time zone of the province's calendar (China Standard Time).</summary>
    [Required] public string TimeZone { get; set; } = "Asia/Shanghai";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"BusinessCalendar:TimeZone '{TimeZone}' is not a known time zone.", [nameof(TimeZone)]);
    }
}

/// <summary>
/// The business calendar over the host's <see cref="TimeProvider"/>: what "today", "a day", "midnight" and a time shown to
/// people mean. Rolling windows (24 h after an instant) do not need it; calendar days and display do.
/// </summary>
public sealed class BusinessCalendar(IOptions<BusinessCalendarOptions> options, TimeProvider time)
{
    /// <summary>How times are shown to people: local, minutes, no offset (<c>2026-12-01 08:30</c>).</summary>
    public const string DisplayFormat = "yyyy-MM-dd HH:mm";

    private TimeZoneInfo? _zone;

    public TimeZoneInfo Zone => _zone ??= TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>Now, in the business zone (with its offset).</summary>
    public DateTimeOffset LocalNow => ToLocal(time.GetUtcNow());

    public DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public DateOnly Today() => DayOf(time.GetUtcNow());

    /// <summary>The business calendar day an instant falls on.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(ToLocal(at).DateTime);

    /// <summary>The UTC instant the business day begins (its local midnight).</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => FromLocal(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The UTC instant the business day of <paramref name="at"/> began.</summary>
    public DateTimeOffset StartOfDay(DateTimeOffset at) => StartOfDay(DayOf(at));

    /// <summary>The UTC instant today began.</summary>
    public DateTimeOffset StartOfToday() => StartOfDay(Today());

    /// <summary>A wall-clock time of the business zone (as typed by a person) as a UTC instant.</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>A time for people: business zone, no "Z" or offset.</summary>
    public string Format(DateTimeOffset at, string format = DisplayFormat) => ToLocal(at).ToString(format, CultureInfo.InvariantCulture);

    public string Format(DateTimeOffset? at, string empty, string format = DisplayFormat) => at is { } t ? Format(t, format) : empty;
}
