namespace MiniCode.Features.HealthCodes.Engine;

/// <summary>
/// 判码引擎: a pure function from a person's facts to a colour. Every rule that applies adds a reason; the most severe
/// colour among them wins (red &gt; orange &gt; yellow &gt; green). An approved manual override replaces the computed colour
/// while it lasts. No I/O, no clock: callers pass "now".
/// </summary>
public sealed class ColorEngine(ColorRulesOptions rules, BusinessCalendar calendar)
{
    public ColorDecision Evaluate(ColorInputs inputs, DateTimeOffset now)
    {
        var today = calendar.DayOf(now);
        var found = new List<(HealthColor Color, ColorReason Reason)>();
        var reviewAt = new List<DateTimeOffset>();

        if (inputs.Override is { } o && (o.EndsAt is null || o.EndsAt > now))
        {
            if (o.EndsAt is { } end) reviewAt.Add(end);
            return new ColorDecision(o.Color, [new ColorReason(o.ReasonCode, o.ReasonText)], rules.GuidanceFor(o.Color), Earliest(reviewAt), inputs.DecidingTemperature);
        }

        foreach (var risk in inputs.Risks)
        {
            var lastDay = risk.EndsOn ?? (risk.Kind == RiskKind.CloseContact ? risk.StartsOn.AddDays(rules.CloseContactDefaultDays - 1) : (DateOnly?)null);
            if (risk.StartsOn > today)
            {
                reviewAt.Add(calendar.StartOfDay(risk.StartsOn));
                continue;
            }
            if (lastDay is { } last && last < today) continue;
            if (lastDay is { } until) reviewAt.Add(calendar.StartOfDay(until.AddDays(1)));
            found.Add(risk.Kind switch
            {
                RiskKind.Confirmed => (HealthColor.Red, ColorReasons.Confirmed),
                RiskKind.Suspected => (HealthColor.Red, ColorReasons.Suspected),
                RiskKind.CloseContact => (HealthColor.Orange, ColorReasons.CloseContact),
                _ => (HealthColor.Orange, ColorReasons.Quarantine),
            });
        }

        foreach (var positive in inputs.NucleicAcid.Where(r => !r.Negative))
        {
            var until = positive.SampledAt.AddDays(rules.PositiveResultWindowDays);
            if (positive.SampledAt <= now && now < until)
            {
                found.Add((HealthColor.Red, ColorReasons.PositiveResult));
                reviewAt.Add(until);
            }
        }

        // A fever keeps the code yellow until a normal temperature is registered, not for a time window.
        var temperature = inputs.DecidingTemperature;
        if (temperature is { } t && t.Celsius >= rules.FeverThresholdCelsius)
            found.Add((HealthColor.Yellow, t.Source == TemperatureSource.Declaration ? ColorReasons.DeclaredFever : ColorReasons.OnSiteFever));

        if (inputs.Declaration is { Symptoms.Count: > 0 } d)
        {
            var windowEnd = d.ChangedAt.AddDays(rules.SymptomWindowDays);
            if (now < windowEnd)
            {
                found.Add((HealthColor.Yellow, ColorReasons.DeclaredSymptoms));
                reviewAt.Add(windowEnd);
            }
        }

        EvaluateRegions(inputs, now, today, found, reviewAt);

        if (found.Count == 0)
            return new ColorDecision(HealthColor.Green, [ColorReasons.NoAnomaly], rules.GuidanceFor(HealthColor.Green), Earliest(reviewAt), temperature);
        var color = found.Max(f => f.Color);
        var reasons = found.OrderByDescending(f => f.Color).Select(f => f.Reason).DistinctBy(r => r.Code).ToList();
        return new ColorDecision(color, reasons, rules.GuidanceFor(color), Earliest(reviewAt), temperature);
    }

    /// <summary>
    /// Declared residence in a high-risk region is restricted (yellow); household registration there is too, unless the
    /// person has declared a safe local residence for <see cref="ColorRulesOptions.HighRiskLocalStayDays"/>.
    /// </summary>
    private void EvaluateRegions(ColorInputs inputs, DateTimeOffset now, DateOnly today, List<(HealthColor, ColorReason)> found, List<DateTimeOffset> reviewAt)
    {
        var declared = inputs.Declaration?.RegionCode;
        foreach (var region in inputs.HighRiskRegions)
        {
            var coversDeclared = region.Covers(declared);
            var coversHousehold = region.Covers(inputs.HouseholdRegion);
            if (!coversDeclared && !coversHousehold) continue;
            if (region.StartsOn > today) { reviewAt.Add(calendar.StartOfDay(region.StartsOn)); continue; }
            if (!region.ActiveOn(today)) continue;
            if (region.EndsOn is { } end) reviewAt.Add(calendar.StartOfDay(end.AddDays(1)));
            if (coversDeclared)
            {
                found.Add((HealthColor.Yellow, ColorReasons.ResidesInHighRiskRegion));
                continue;
            }
            var stayedSince = inputs.Declaration?.RegionSince;
            var forgivenAt = stayedSince?.AddDays(rules.HighRiskLocalStayDays);
            if (forgivenAt is { } f && f <= now) continue;
            if (forgivenAt is { } later) reviewAt.Add(later);
            found.Add((HealthColor.Yellow, ColorReasons.RegisteredInHighRiskRegion));
        }
    }

    /// <summary>Badges at <paramref name="now"/>: the smallest negative-result window the latest negative sample fits, and vaccination.</summary>
    public CodeBadges Badges(IEnumerable<NucleicAcidFact> results, IEnumerable<VaccinationFact> vaccinations, DateTimeOffset now) =>
        BadgesAt(LatestNegative(results, now), VaccinationOf(vaccinations), now);

    /// <summary>Badges from the two summaries a health status row keeps, so showing a code needs no further query.</summary>
    public CodeBadges BadgesAt(DateTimeOffset? latestNegative, VaccinationStatus vaccination, DateTimeOffset now)
    {
        string? nucleic = null;
        if (latestNegative is { } sampled && sampled <= now)
        {
            var hours = (now - sampled).TotalHours;
            var window = rules.BadgeHours().FirstOrDefault(h => hours <= h);
            if (window > 0) nucleic = window > 72 && window % 24 == 0 ? $"{window / 24}d" : $"{window}h";
        }
        return new CodeBadges(nucleic, vaccination, vaccination == VaccinationStatus.Full);
    }

    public static DateTimeOffset? LatestNegative(IEnumerable<NucleicAcidFact> results, DateTimeOffset now) =>
        results.Where(r => r.Negative && r.SampledAt <= now).Select(r => (DateTimeOffset?)r.SampledAt).Max();

    public VaccinationStatus VaccinationOf(IEnumerable<VaccinationFact> vaccinations)
    {
        var list = vaccinations.ToList();
        if (list.Count == 0) return VaccinationStatus.None;
        return list.Any(v => v.CompletesSeries) || list.Select(v => v.Dose).Distinct().Count() >= rules.FullVaccinationDoses
            ? VaccinationStatus.Full : VaccinationStatus.Partial;
    }

    private static DateTimeOffset? Earliest(List<DateTimeOffset> times) => times.Count == 0 ? null : times.Min();
}

/// <summary>Reason codes of the colour rules with the text shown to the citizen and the checkpoint.</summary>
public static class ColorReasons
{
    public static readonly ColorReason NoAnomaly = new("none", "未发现异常");
    public static readonly ColorReason Confirmed = new("risk.confirmed", "确诊病例");
    public static readonly ColorReason Suspected = new("risk.suspected", "疑似病例");
    public static readonly ColorReason CloseContact = new("risk.close_contact", "密切接触者");
    public static readonly ColorReason Quarantine = new("risk.quarantine", "正在隔离观察");
    public static readonly ColorReason PositiveResult = new("nucleic_acid.positive", "核酸检测结果阳性");
    public static readonly ColorReason OnSiteFever = new("temperature.on_site_fever", "卡口测温体温异常");
    public static readonly ColorReason DeclaredSymptoms = new("declaration.symptoms", "申报近期有发热、咳嗽等症状");
    public static readonly ColorReason DeclaredFever = new("declaration.fever", "申报体温异常");
    public static readonly ColorReason ResidesInHighRiskRegion = new("region.resides_high_risk", "现居住地为中高风险地区");
    public static readonly ColorReason RegisteredInHighRiskRegion = new("region.registered_high_risk", "户籍地为中高风险地区且本地居住未满规定期限");
}
