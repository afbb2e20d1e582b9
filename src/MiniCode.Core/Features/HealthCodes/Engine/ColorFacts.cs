namespace MiniCode.Features.HealthCodes.Engine;

/// <summary>The four code colours, ordered by severity so that the larger value wins (red &gt; orange &gt; yellow &gt; green).</summary>
public enum HealthColor
{
    /// <summary>绿码：可自由出入公共场所</summary>
    Green = 0,
    /// <summary>黄码：限制出行</summary>
    Yellow = 1,
    /// <summary>橙码：须配合核查，限制出行（介于黄码与红码之间）</summary>
    Orange = 2,
    /// <summary>红码：集中隔离或居家医学观察</summary>
    Red = 3,
}

public static class HealthColorNames
{
    private static readonly string[] Names = ["green", "yellow", "orange", "red"];

    /// <summary>The colour's wire name ("green", "yellow", "orange", "red"), as the JSON writes it; no allocation per call.</summary>
    public static string WireName(this HealthColor color) => Names[(int)color];
}

public enum RiskKind
{
    Confirmed,
    Suspected,
    CloseContact,
    Quarantine,
}

/// <summary>The self declaration (信息申报) as the engine sees it.</summary>
public sealed record DeclarationFacts(IReadOnlyList<string> Symptoms, decimal Temperature, string RegionCode, DateTimeOffset ChangedAt, DateTimeOffset RegionSince);

public enum TemperatureSource
{
    /// <summary>卡口测温</summary>
    Checkpoint,
    /// <summary>健康申报时填写</summary>
    Declaration,
}

/// <summary>A temperature: measured at a checkpoint, or typed into the declaration when it was last submitted.</summary>
public sealed record TemperatureFact(decimal Celsius, DateTimeOffset MeasuredAt, TemperatureSource Source = TemperatureSource.Checkpoint);

/// <summary>A health-authority risk-list entry; <see cref="EndsOn"/> is the last day it applies (inclusive).</summary>
public sealed record RiskFact(RiskKind Kind, DateOnly StartsOn, DateOnly? EndsOn);

/// <summary>A high-risk region (GB/T 2260; trailing "00" pairs cover the whole city / province), last day inclusive.</summary>
public sealed record RegionFact(string RegionCode, DateOnly StartsOn, DateOnly? EndsOn)
{
    public bool Covers(string? code)
    {
        if (code is not { Length: 6 }) return false;
        var prefix = RegionCode.EndsWith("0000", StringComparison.Ordinal) ? RegionCode[..2]
            : RegionCode.EndsWith("00", StringComparison.Ordinal) ? RegionCode[..4] : RegionCode;
        return code.StartsWith(prefix, StringComparison.Ordinal);
    }

    public bool ActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is null || day <= EndsOn);
}

public sealed record NucleicAcidFact(DateTimeOffset SampledAt, bool Negative);

public sealed record VaccinationFact(int Dose, DateOnly VaccinatedOn, bool CompletesSeries);

/// <summary>An approved manual override (second approver given); it sets the colour until <see cref="EndsAt"/>.</summary>
public sealed record OverrideFact(HealthColor Color, string ReasonCode, string ReasonText, DateTimeOffset? EndsAt);

/// <summary>Everything the colour of one person depends on.</summary>
public sealed record ColorInputs(
    string? HouseholdRegion,
    DeclarationFacts? Declaration,
    TemperatureFact? LatestTemperature,
    IReadOnlyList<RiskFact> Risks,
    IReadOnlyList<RegionFact> HighRiskRegions,
    IReadOnlyList<NucleicAcidFact> NucleicAcid,
    IReadOnlyList<VaccinationFact> Vaccinations,
    OverrideFact? Override)
{
    /// <summary>
    /// 吉林: the latest temperature wins whatever its source, the on-site reading or the declaration's (stated again on
    /// every submission); at the same instant the measured one wins.
    /// </summary>
    public TemperatureFact? DecidingTemperature
    {
        get
        {
            var declared = Declaration is { } d ? new TemperatureFact(d.Temperature, d.ChangedAt, TemperatureSource.Declaration) : null;
            if (declared is null) return LatestTemperature;
            if (LatestTemperature is null) return declared;
            return declared.MeasuredAt > LatestTemperature.MeasuredAt ? declared : LatestTemperature;
        }
    }
}

public sealed record ColorReason(string Code, string Text);

/// <summary>
/// The engine's answer: colour, reasons, guidance, and <see cref="ReviewAt"/>, the earliest moment the colour can change
/// by the passing of time alone (a quarantine ending, a symptom window closing), when it must be recomputed;
/// <see cref="Temperature"/> is the temperature the fever rule looked at, kept in the history.
/// </summary>
public sealed record ColorDecision(HealthColor Color, IReadOnlyList<ColorReason> Reasons, string Guidance, DateTimeOffset? ReviewAt, TemperatureFact? Temperature = null);

/// <summary>Badges shown on the code: nucleic-acid negative window ("24h", "48h", "72h", "7d" or null) and vaccination.</summary>
public sealed record CodeBadges(string? NucleicAcid, VaccinationStatus Vaccination, bool GoldBorder);

public enum VaccinationStatus
{
    /// <summary>未接种</summary>
    None,
    /// <summary>未全程接种</summary>
    Partial,
    /// <summary>已全程接种</summary>
    Full,
}
