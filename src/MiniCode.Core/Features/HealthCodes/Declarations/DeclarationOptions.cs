using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes.Declarations;

/// <summary>Section <c>MiniCode:HealthCodes:Declarations</c>.</summary>
public sealed class DeclarationOptions : ISectionOptions
{
    public static string Section => "MiniCode:HealthCodes:Declarations";

    /// <summary>Modifications allowed at any time after the first submission.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 10)]
    public int FreeModifications { get; set; } = 1;

    /// <summary>Later modifications wait this long after the previous change.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 720)]
    public int ModificationIntervalHours { get; set; } = 24;

    [System.ComponentModel.DataAnnotations.Range(30.0, 45.0)] public decimal MinTemperature { get; set; } = 34.0m;
    [System.ComponentModel.DataAnnotations.Range(30.0, 45.0)] public decimal MaxTemperature { get; set; } = 43.0m;
    [System.ComponentModel.DataAnnotations.Range(0, 50)] public int MaxSymptoms { get; set; } = 20;
}
