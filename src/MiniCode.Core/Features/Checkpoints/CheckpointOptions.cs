using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Checkpoints;

/// <summary>Section <c>MiniCode:Checkpoints</c>. The fever threshold and the 劝返 rule come from the colour rules, not from here.</summary>
public sealed class CheckpointOptions : ISectionOptions, IValidatableObject
{
    public static string Section => "MiniCode:Checkpoints";

    /// <summary>Lowest temperature (°C) accepted as a real measurement; below it the entry is a typing error.</summary>
    [Range(30.0, 36.0)] public decimal MinTemperatureCelsius { get; set; } = 34.0m;
    /// <summary>Highest temperature (°C) accepted as a real measurement.</summary>
    [Range(38.0, 45.0)] public decimal MaxTemperatureCelsius { get; set; } = 43.0m;
    /// <summary>Scan records older than this are deleted by the <c>purge-scan-records</c> job.</summary>
    [TimeSpanRange("1.00:00:00", "3650.00:00:00")]
    public TimeSpan RecordRetention { get; set; } = TimeSpan.FromDays(28);
    /// <summary>Records per page of the inspection-record list.</summary>
    [Range(1, 200)] public int PageSize { get; set; } = 20;
    /// <summary>Assisted registrations (辅助登记) one scanner may make per business calendar day.</summary>
    [Range(1, 10000)] public int AssistedRegistrationsPerDay { get; set; } = 200;
    /// <summary>Levels of 下级站点 below a top site (a top site's children are level 1).</summary>
    [Range(1, 10)] public int MaxSubSiteDepth { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinTemperatureCelsius >= MaxTemperatureCelsius)
            yield return new ValidationResult("MinTemperatureCelsius must be below MaxTemperatureCelsius");
    }
}
