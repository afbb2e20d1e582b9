using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Checkpoints;
using MiniCode.Infrastructure.Logging;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Checkpoints;

/// <summary>扫一扫: verification, the record, the idempotent retry, the fever rule and the 劝返 flag. Own host per test: they move the clock.</summary>
public sealed class ScanTests : IDisposable
{
    private readonly CheckpointsFactory _factory = new();

    private async Task<(TestScanner Scanner, TestUser Citizen)> ArrangeAsync(string citizenRegion = "110105", string declaredRegion = "110105")
    {
        var (_, siteId) = await _factory.SiteAsync();
        var scanner = await _factory.SeniorAsync(siteId);
        var citizen = await _factory.CitizenAsync("刘小红", region: citizenRegion);
        await citizen.DeclareAsync(declaredRegion);
        return (scanner, citizen);
    }

    [Fact]
    public async Task A_scan_shows_masked_info_and_a_retry_with_the_same_key_never_records_twice()
    {
        var (scanner, citizen) = await ArrangeAsync();
        var payload = await citizen.PayloadAsync();
        var preview = await HttpAssert.Ok(await scanner.Client.PostJson("/api/checkpoint/scans/preview", new { payload }));
        Assert.Equal(SensitiveDataMasker.MaskName("刘小红"), preview.GetProperty("maskedName").GetString());
        Assert.Equal("green", preview.GetProperty("color").GetString());
        Assert.False(preview.GetProperty("turnBack").GetBoolean());

        var key = CheckpointKit.NewKey();
        var first = await HttpAssert.Ok(await scanner.ScanAsync(payload, 36.6m, key, "正常通行"));
        Assert.Equal("green", first.GetProperty("color").GetString());
        Assert.Equal(SensitiveDataMasker.MaskName("刘小红"), first.GetProperty("maskedName").GetString());
        Assert.Equal(SensitiveDataMasker.MaskIdNumber(citizen.IdNumber), first.GetProperty("maskedIdNumber").GetString());
        Assert.Equal(36.6m, first.GetProperty("temperature").GetDecimal());
        Assert.Equal("scan", first.GetProperty("kind").GetString());
        Assert.False(first.GetProperty("replayed").GetBoolean());

        // The answer was lost on a bad network; the app sends the same submission again.
        var retry = await HttpAssert.Ok(await scanner.ScanAsync(payload, 36.6m, key, "正常通行"));
        Assert.True(retry.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("id").GetInt64(), retry.GetProperty("id").GetInt64());
        var (records, readings, audits) = await _factory.QueryAsync(async db => (
            await db.Set<ScanRecord>().CountAsync(r => r.PersonId == citizen.PersonId),
            await db.Set<MiniCode.Features.HealthCodes.Engine.TemperatureReading>().CountAsync(t => t.PersonId == citizen.PersonId),
            await db.Set<AuditEntry>().CountAsync(a => a.Action == "checkpoint.scan")));
        Assert.Equal((1, 1, 1), (records, readings, audits));
        Assert.Equal([first.GetProperty("id").GetInt64()], await scanner.RecordIdsAsync());
    }

    [Fact]
    public async Task Concurrent_submissions_with_one_key_record_once_and_all_get_the_same_record()
    {
        var (scanner, citizen) = await ArrangeAsync();
        var payload = await citizen.PayloadAsync();
        var key = CheckpointKit.NewKey();
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => scanner.ScanAsync(payload, 36.7m, key)));
        var ids = new List<long>();
        foreach (var answer in answers) ids.Add((await HttpAssert.Ok(answer)).GetProperty("id").GetInt64());
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await _factory.QueryAsync(db => db.Set<ScanRecord>().CountAsync(r => r.PersonId == citizen.PersonId)));
    }

    [Fact]
    public async Task A_temperature_at_the_threshold_turns_the_code_yellow_and_a_normal_one_back_green()
    {
        var (scanner, citizen) = await ArrangeAsync();
        var normal = await scanner.ScanOkAsync(citizen, 37.2m);
        Assert.Equal("green", normal.GetProperty("color").GetString());
        Assert.Equal("green", await citizen.ColorAsync());

        var fever = await scanner.ScanOkAsync(citizen, 37.3m);
        Assert.Equal("yellow", fever.GetProperty("color").GetString());
        Assert.Contains(fever.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "temperature.on_site_fever");
        Assert.Equal("yellow", await citizen.ColorAsync());

        Assert.Equal("green", (await scanner.ScanOkAsync(citizen, 36.4m)).GetProperty("color").GetString());
        Assert.Equal("green", await citizen.ColorAsync());
    }

    [Fact]
    public async Task Household_registration_in_a_high_risk_region_is_turned_back_until_a_month_of_local_stay()
    {
        // Registered in Changchun (220102), living in Beijing since the declaration.
        var (scanner, citizen) = await ArrangeAsync(citizenRegion: "220102", declaredRegion: "110105");
        Assert.False((await scanner.ScanOkAsync(citizen)).GetProperty("turnBack").GetBoolean());
        await _factory.ImportCsvAsync("regions", "region_code,starts_on,ends_on\n220100,2026-11-01,\n");

        var turnedBack = await scanner.ScanOkAsync(citizen);
        Assert.True(turnedBack.GetProperty("turnBack").GetBoolean());
        Assert.Contains(turnedBack.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "region.registered_high_risk");
        var preview = await HttpAssert.Ok(await scanner.Client.PostJson("/api/checkpoint/scans/preview", new { payload = await citizen.PayloadAsync() }));
        Assert.True(preview.GetProperty("turnBack").GetBoolean());

        _factory.Clock.Advance(TimeSpan.FromDays(30)); // the configured local stay
        var again = scanner with { Client = await _factory.ScannerLoginAsync(scanner.Phone, scanner.Password) };
        Assert.False((await again.ScanOkAsync(await _factory.ReloginAsync(citizen))).GetProperty("turnBack").GetBoolean());
    }

    [Fact]
    public async Task Bad_input_and_invalid_codes_are_refused_without_a_record()
    {
        var (scanner, citizen) = await ArrangeAsync();
        var payload = await citizen.PayloadAsync();
        await HttpAssert.Problem(await scanner.ScanAsync(payload, null), HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await scanner.ScanAsync(payload, 33.9m), HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await scanner.ScanAsync(payload, 43.1m), HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await scanner.ScanAsync(payload, 36.55m), HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await scanner.ScanAsync(payload, 36.5m, "short"), HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await scanner.ScanAsync(payload, 36.5m, remarks: new string('备', 201)), HttpStatusCode.BadRequest, "request.validation_failed");
        var bad = await HttpAssert.Problem(await scanner.ScanAsync("MC1:forged", 36.5m), HttpStatusCode.UnprocessableEntity, "checkpoint.code_invalid");
        Assert.Equal("malformed", bad.GetProperty("reason").GetString());
        _factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await HttpAssert.Problem(await scanner.ScanAsync(payload, 36.5m), HttpStatusCode.UnprocessableEntity, "checkpoint.code_invalid");
        Assert.Equal("expired", expired.GetProperty("reason").GetString());
        Assert.Equal(0, await _factory.QueryAsync(db => db.Set<ScanRecord>().CountAsync()));
    }

    public void Dispose() => _factory.Dispose();
}
