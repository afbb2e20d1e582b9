using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes.Engine;

/// <summary>Section <c>MiniCode:HealthCodes:Rules</c>: every threshold and window of the colour rules.</summary>
public sealed class ColorRulesOptions : ISectionOptions
{
    public static string Section => "MiniCode:HealthCodes:Rules";

    /// <summary>The latest temperature (on-site or declared) at or above this (°C) keeps the code yellow until a normal one.</summary>
    [Range(35.0, 42.0)]
    public decimal FeverThresholdCelsius { get; set; } = 37.3m;

    /// <summary>Declared symptoms count for this many days after the declaration.</summary>
    [Range(1, 60)]
    public int SymptomWindowDays { get; set; } = 14;

    /// <summary>Household registration in a high-risk region is forgiven after this many days of local stay.</summary>
    [Range(1, 365)]
    public int HighRiskLocalStayDays { get; set; } = 30;

    /// <summary>A close-contact entry without an end date applies for this many days.</summary>
    [Range(1, 60)]
    public int CloseContactDefaultDays { get; set; } = 14;

    /// <summary>A positive nucleic-acid result turns the code red for this many days after sampling.</summary>
    [Range(1, 60)]
    public int PositiveResultWindowDays { get; set; } = 14;

    /// <summary>Negative-result badge windows in hours, ascending, comma separated: 24 h, 48 h, 72 h, 7 days.</summary>
    [Required, RegularExpression(@"^[0-9]+(,[0-9]+)*$")]
    public string NucleicAcidBadgeHours { get; set; } = "24,48,72,168";

    /// <summary>Doses that make a vaccination series complete when the record does not say so itself.</summary>
    [Range(1, 10)]
    public int FullVaccinationDoses { get; set; } = 2;

    [Required] public string GuidanceGreen { get; set; } = "健康状况正常，请做好个人防护，配合查验。";
    [Required] public string GuidanceYellow { get; set; } = "请减少外出，按要求进行核酸检测；体温恢复正常并登记后可转为绿码。";
    [Required] public string GuidanceOrange { get; set; } = "请立即居家隔离或集中隔离，配合社区管理；隔离期满并核验后转为绿码。";
    [Required] public string GuidanceRed { get; set; } = "请立即联系当地疾控部门，配合隔离治疗，不得外出。";

    /// <summary>Reason codes a manual override may cite (the rule basis), with their text.</summary>
    public Dictionary<string, string> OverrideReasons { get; set; } = new(StringComparer.Ordinal)
    {
        ["override.data_error"] = "健康数据有误，经核实更正",
        ["override.quarantine_verified"] = "隔离期满，经核验解除",
        ["override.epidemiology"] = "流行病学调查结果认定",
    };

    public IReadOnlyList<int> BadgeHours() =>
        NucleicAcidBadgeHours.Split(',').Select(h => int.Parse(h, CultureInfo.InvariantCulture)).Order().ToList();

    public string GuidanceFor(HealthColor color) => color switch
    {
        HealthColor.Red => GuidanceRed,
        HealthColor.Orange => GuidanceOrange,
        HealthColor.Yellow => GuidanceYellow,
        _ => GuidanceGreen,
    };
}
