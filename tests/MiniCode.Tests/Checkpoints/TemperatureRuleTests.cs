using System.Text.Json;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Checkpoints;

/// <summary>吉林 temperature rule: the latest temperature wins whatever its source; a fever lasts until a normal reading.</summary>
public sealed class TemperatureRuleTests : IDisposable
{
    private readonly CheckpointsFactory _factory = new();

    private static JsonElement LatestChange(JsonElement report) => report.GetProperty("history").EnumerateArray().First();

    private async Task<JsonElement> ReportAsync(TestUser citizen) => await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/health-report"));

    [Fact]
    public async Task A_declared_fever_stays_yellow_past_the_symptom_window_until_a_normal_on_site_reading_and_the_history_names_it()
    {
        var (_, siteId) = await _factory.SiteAsync();
        var scanner = await _factory.SeniorAsync(siteId);
        var citizen = await _factory.CitizenAsync("吉小林");
        await citizen.DeclareAsync(temperature: 38.2m);
        Assert.Equal("yellow", await citizen.ColorAsync());

        _factory.Clock.Advance(TimeSpan.FromDays(20)); // beyond the 14-day symptom window: a fever has no window
        citizen = await _factory.ReloginAsync(citizen);
        var code = await citizen.CodeAsync();
        Assert.Equal("yellow", code.GetProperty("color").GetString());
        Assert.Contains(code.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "declaration.fever");

        scanner = scanner with { Client = await _factory.ScannerLoginAsync(scanner.Phone, scanner.Password) };
        var scan = await scanner.ScanOkAsync(citizen, 36.5m);
        Assert.Equal("green", scan.GetProperty("color").GetString());
        Assert.Equal("green", await citizen.ColorAsync());

        var back = LatestChange(await ReportAsync(citizen));
        Assert.Equal(("yellow", "green", "checkpoint.temperature"),
            (back.GetProperty("oldColor").GetString(), back.GetProperty("newColor").GetString(), back.GetProperty("cause").GetString()));
        var reading = back.GetProperty("temperature");
        Assert.Equal(36.5m, reading.GetProperty("celsius").GetDecimal());
        Assert.Equal("checkpoint", reading.GetProperty("source").GetString());
        Assert.Equal(_factory.Clock.GetUtcNow(), reading.GetProperty("measuredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_on_site_fever_is_turned_back_by_a_later_normal_declaration_and_a_later_declared_fever_wins_over_a_normal_reading()
    {
        var (_, siteId) = await _factory.SiteAsync();
        var scanner = await _factory.SeniorAsync(siteId);
        var citizen = await _factory.CitizenAsync("吉大林");
        await citizen.DeclareAsync(temperature: 36.4m);
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("yellow", (await scanner.ScanOkAsync(citizen, 38.0m)).GetProperty("color").GetString());

        _factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await citizen.DeclareAsync(temperature: 36.6m); // the one free modification
        Assert.Equal("green", await citizen.ColorAsync());
        var back = LatestChange(await ReportAsync(citizen));
        Assert.Equal(("green", "declaration", "declaration", 36.6m), (back.GetProperty("newColor").GetString(), back.GetProperty("cause").GetString(),
            back.GetProperty("temperature").GetProperty("source").GetString(), back.GetProperty("temperature").GetProperty("celsius").GetDecimal()));

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await scanner.ScanOkAsync(citizen, 36.5m);
        _factory.Clock.Advance(TimeSpan.FromHours(25)); // the next modification's interval
        citizen = await _factory.ReloginAsync(citizen);
        await citizen.DeclareAsync(temperature: 37.5m);
        var code = await citizen.CodeAsync();
        Assert.Equal("yellow", code.GetProperty("color").GetString());
        Assert.DoesNotContain(code.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "temperature.on_site_fever");
    }

    public void Dispose() => _factory.Dispose();
}
