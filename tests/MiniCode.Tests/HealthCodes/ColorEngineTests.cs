using MiniCode.Features.HealthCodes.Engine;

namespace MiniCode.Tests.HealthCodes;

/// <summary>The pure colour rules: each input, the precedence red &gt; orange &gt; yellow &gt; green, windows and badges.</summary>
public sealed class ColorEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero); // 10:00 in Asia/Shanghai
    private static readonly DateOnly Today = new(2026, 11, 21);
    private readonly ColorRulesOptions _rules = new();
    private ColorEngine Engine => new(_rules, new MiniCode.Infrastructure.Time.BusinessCalendar(Microsoft.Extensions.Options.Options.Create(new MiniCode.Infrastructure.Time.BusinessCalendarOptions()), TimeProvider.System));

    private static ColorInputs Inputs(DeclarationFacts? declaration = null, TemperatureFact? temperature = null, IReadOnlyList<RiskFact>? risks = null,
        IReadOnlyList<RegionFact>? regions = null, IReadOnlyList<NucleicAcidFact>? nucleic = null, OverrideFact? overrideFact = null, string? household = "110105") =>
        new(household, declaration, temperature, risks ?? [], regions ?? [], nucleic ?? [], [], overrideFact);

    private static DeclarationFacts Declared(decimal temperature = 36.5m, string region = "110105", params string[] symptoms) =>
        new(symptoms, temperature, region, Now.AddHours(-1), Now.AddDays(-100));

    [Fact]
    public void No_anomaly_is_green_with_guidance()
    {
        var d = Engine.Evaluate(Inputs(Declared()), Now);
        Assert.Equal(HealthColor.Green, d.Color);
        Assert.Equal("none", Assert.Single(d.Reasons).Code);
        Assert.Equal(_rules.GuidanceGreen, d.Guidance);
    }

    [Theory]
    [InlineData("37.2", HealthColor.Green)]
    [InlineData("37.3", HealthColor.Yellow)]
    [InlineData("38.5", HealthColor.Yellow)]
    public void On_site_temperature_threshold(string celsius, HealthColor expected)
    {
        var d = Engine.Evaluate(Inputs(Declared(), new TemperatureFact(decimal.Parse(celsius, System.Globalization.CultureInfo.InvariantCulture), Now)), Now);
        Assert.Equal(expected, d.Color);
    }

    [Fact]
    public void Threshold_comes_from_options()
    {
        _rules.FeverThresholdCelsius = 38.0m;
        Assert.Equal(HealthColor.Green, Engine.Evaluate(Inputs(Declared(), new TemperatureFact(37.5m, Now)), Now).Color);
    }

    [Fact]
    public void Declared_symptoms_are_yellow_for_the_window_only()
    {
        var d = Engine.Evaluate(Inputs(Declared(36.5m, "110105", "咳嗽")), Now);
        Assert.Equal(HealthColor.Yellow, d.Color);
        Assert.Contains(d.Reasons, r => r.Code == "declaration.symptoms");
        Assert.Equal(Now.AddHours(-1).AddDays(14), d.ReviewAt);
        Assert.Equal(HealthColor.Green, Engine.Evaluate(Inputs(Declared(36.5m, "110105", "咳嗽")), Now.AddDays(14)).Color);
    }

    [Theory]
    [InlineData(RiskKind.Confirmed, HealthColor.Red)]
    [InlineData(RiskKind.Suspected, HealthColor.Red)]
    [InlineData(RiskKind.CloseContact, HealthColor.Orange)]
    [InlineData(RiskKind.Quarantine, HealthColor.Orange)]
    public void Risk_lists_set_their_colour(RiskKind kind, HealthColor expected)
    {
        var d = Engine.Evaluate(Inputs(Declared(), risks: [new RiskFact(kind, Today.AddDays(-2), null)]), Now);
        Assert.Equal(expected, d.Color);
        Assert.Equal(_rules.GuidanceFor(expected), d.Guidance);
    }

    [Fact]
    public void Quarantine_ends_after_its_last_day_and_says_when_to_recompute()
    {
        var inputs = Inputs(Declared(), risks: [new RiskFact(RiskKind.Quarantine, Today.AddDays(-13), Today)]);
        var during = Engine.Evaluate(inputs, Now);
        Assert.Equal(HealthColor.Orange, during.Color);
        var nextDay = new DateTimeOffset(2026, 11, 21, 16, 0, 0, TimeSpan.Zero); // 00:00 on the 22nd in Shanghai
        Assert.Equal(nextDay, during.ReviewAt);
        Assert.Equal(HealthColor.Green, Engine.Evaluate(inputs, nextDay).Color);
    }

    [Fact]
    public void Close_contact_without_end_uses_the_default_window()
    {
        var inputs = Inputs(Declared(), risks: [new RiskFact(RiskKind.CloseContact, Today, null)]);
        Assert.Equal(HealthColor.Orange, Engine.Evaluate(inputs, Now.AddDays(13)).Color);
        Assert.Equal(HealthColor.Green, Engine.Evaluate(inputs, Now.AddDays(14)).Color);
    }

    [Fact]
    public void Precedence_red_over_orange_over_yellow()
    {
        var d = Engine.Evaluate(Inputs(Declared(38m, "110105", "发热"), new TemperatureFact(38m, Now),
            risks: [new RiskFact(RiskKind.CloseContact, Today, null), new RiskFact(RiskKind.Confirmed, Today, null)]), Now);
        Assert.Equal(HealthColor.Red, d.Color);
        Assert.Equal("risk.confirmed", d.Reasons[0].Code);
        Assert.Contains(d.Reasons, r => r.Code == "risk.close_contact");
        Assert.Contains(d.Reasons, r => r.Code == "temperature.on_site_fever");
        var orange = Engine.Evaluate(Inputs(Declared(38m), risks: [new RiskFact(RiskKind.Quarantine, Today, null)]), Now);
        Assert.Equal(HealthColor.Orange, orange.Color);
    }

    [Fact]
    public void Positive_nucleic_acid_is_red()
    {
        var d = Engine.Evaluate(Inputs(Declared(), nucleic: [new NucleicAcidFact(Now.AddHours(-3), false)]), Now);
        Assert.Equal(HealthColor.Red, d.Color);
        Assert.Equal("nucleic_acid.positive", d.Reasons[0].Code);
    }

    [Fact]
    public void Residence_in_a_high_risk_region_is_yellow_and_a_city_code_covers_its_districts()
    {
        var regions = new[] { new RegionFact("220100", Today.AddDays(-1), null) };
        Assert.Equal(HealthColor.Yellow, Engine.Evaluate(Inputs(Declared(region: "220102"), regions: regions), Now).Color);
        Assert.Equal(HealthColor.Green, Engine.Evaluate(Inputs(Declared(region: "220202"), regions: regions), Now).Color);
        Assert.Equal(HealthColor.Green, Engine.Evaluate(Inputs(Declared(region: "220102"), regions: [new RegionFact("220100", Today.AddDays(-9), Today.AddDays(-1))]), Now).Color);
    }

    [Fact]
    public void Household_registration_in_a_high_risk_region_is_forgiven_after_a_month_of_local_stay()
    {
        var regions = new[] { new RegionFact("220102", Today.AddDays(-60), null) };
        var recent = new DeclarationFacts([], 36.5m, "110105", Now, Now.AddDays(-29));
        var d = Engine.Evaluate(Inputs(recent, regions: regions, household: "220102"), Now);
        Assert.Equal(HealthColor.Yellow, d.Color);
        Assert.Equal("region.registered_high_risk", d.Reasons[0].Code);
        Assert.Equal(Now.AddDays(1), d.ReviewAt);
        var settled = recent with { RegionSince = Now.AddDays(-30) };
        Assert.Equal(HealthColor.Green, Engine.Evaluate(Inputs(settled, regions: regions, household: "220102"), Now).Color);
    }

    [Fact]
    public void Approved_override_replaces_the_computed_colour_until_it_ends()
    {
        var o = new OverrideFact(HealthColor.Green, "override.data_error", "健康数据有误", Now.AddDays(1));
        var inputs = Inputs(Declared(), risks: [new RiskFact(RiskKind.Confirmed, Today, null)], overrideFact: o);
        var d = Engine.Evaluate(inputs, Now);
        Assert.Equal(HealthColor.Green, d.Color);
        Assert.Equal("override.data_error", Assert.Single(d.Reasons).Code);
        Assert.Equal(HealthColor.Red, Engine.Evaluate(inputs, Now.AddDays(1)).Color);
    }

    [Theory]
    [InlineData(23.9, "24h")]
    [InlineData(24.0, "24h")]
    [InlineData(24.1, "48h")]
    [InlineData(70, "72h")]
    [InlineData(100, "7d")]
    [InlineData(168.5, null)]
    public void Nucleic_acid_badges(double hoursAgo, string? badge)
    {
        var b = Engine.Badges([new NucleicAcidFact(Now.AddHours(-hoursAgo), true), new NucleicAcidFact(Now.AddDays(-20), true)], [], Now);
        Assert.Equal(badge, b.NucleicAcid);
    }

    [Fact]
    public void Vaccination_badge_and_gold_border()
    {
        Assert.Equal(VaccinationStatus.None, Engine.Badges([], [], Now).Vaccination);
        var partial = Engine.Badges([], [new VaccinationFact(1, Today.AddDays(-40), false)], Now);
        Assert.Equal((VaccinationStatus.Partial, false), (partial.Vaccination, partial.GoldBorder));
        var full = Engine.Badges([], [new VaccinationFact(1, Today.AddDays(-40), false), new VaccinationFact(2, Today.AddDays(-10), false)], Now);
        Assert.Equal((VaccinationStatus.Full, true), (full.Vaccination, full.GoldBorder));
        Assert.True(Engine.Badges([], [new VaccinationFact(1, Today, true)], Now).GoldBorder);
    }
}
