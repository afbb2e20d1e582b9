using System.Net;
using System.Text;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>Health-authority imports: colour transitions they cause, idempotency, row validation with a report, auth.</summary>
public sealed class ImportTests : IDisposable
{
    private readonly HealthCodesFactory _factory = new();

    private async Task<TestUser> DeclaredCitizenAsync(string region = "110105")
    {
        var citizen = await _factory.CitizenAsync(region: region);
        await citizen.DeclareAsync(region);
        return citizen;
    }

    [Theory]
    [InlineData("confirmed", "red", "risk.confirmed")]
    [InlineData("suspected", "red", "risk.suspected")]
    [InlineData("close_contact", "orange", "risk.close_contact")]
    [InlineData("quarantine", "orange", "risk.quarantine")]
    public async Task Risk_lists_set_the_colour_and_record_the_cause(string kind, string color, string reason)
    {
        var citizen = await DeclaredCitizenAsync();
        var summary = await _factory.ImportCsvAsync("risk-list", $"document_type,document_number,kind,starts_on,ends_on\nResidentId,{citizen.IdNumber},{kind},2026-11-20,\n");
        Assert.Equal(1, summary.GetProperty("acceptedRows").GetInt64());
        Assert.Equal(1, summary.GetProperty("recomputedPersons").GetInt64());
        var code = await citizen.CodeAsync();
        Assert.Equal(color, code.GetProperty("color").GetString());
        Assert.Equal(reason, code.GetProperty("reasons")[0].GetProperty("code").GetString());
        var report = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/health-report"));
        var last = report.GetProperty("history")[0];
        Assert.Equal("import.risk-list", last.GetProperty("cause").GetString());
        Assert.Equal("green", last.GetProperty("oldColor").GetString());
        var notices = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/notices"));
        Assert.Equal(1, notices.GetProperty("unreadCount").GetInt32());
        Assert.Equal("color_changed", notices.GetProperty("items")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Quarantine_turns_green_after_its_end_without_any_new_input()
    {
        var citizen = await DeclaredCitizenAsync();
        await _factory.ImportCsvAsync("risk-list", $"document_number,kind,starts_on,ends_on\n{citizen.IdNumber},quarantine,2026-11-10,2026-11-23\n");
        Assert.Equal("orange", await citizen.ColorAsync());
        _factory.Clock.Set(new DateTimeOffset(2026, 11, 23, 15, 59, 0, TimeSpan.Zero)); // 23:59 on the last day in Shanghai
        Assert.Equal("orange", await citizen.ColorAsync());
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("green", await citizen.ColorAsync());
        var history = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/health-report"));
        Assert.Equal("time", history.GetProperty("history")[0].GetProperty("cause").GetString());
    }

    [Fact]
    public async Task Importing_the_same_file_twice_leaves_the_same_state()
    {
        var citizen = await DeclaredCitizenAsync();
        var csv = $"document_number,sampled_at,result,institution\n{citizen.IdNumber},2026-11-20T20:00:00+08:00,negative,某某医院\n"
            + $"{TestUsers.NextIdNumber(new DateOnly(1970, 1, 1))},2026-11-20T09:00:00+08:00,negative,某某医院\n";
        await _factory.ImportCsvAsync("nucleic-acid", csv);
        var second = await _factory.ImportCsvAsync("nucleic-acid", csv);
        Assert.Equal(2, second.GetProperty("acceptedRows").GetInt64());
        Assert.Equal(2, await _factory.QueryAsync(db => db.Set<NucleicAcidResult>().CountAsync()));
        var code = await citizen.CodeAsync();
        Assert.Equal("24h", code.GetProperty("badges").GetProperty("nucleicAcid").GetString());
        var own = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/nucleic-acid-results"));
        Assert.Equal("negative", Assert.Single(own.EnumerateArray()).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Bad_rows_are_rejected_one_by_one_and_reported()
    {
        var good = TestUsers.NextIdNumber(new DateOnly(1980, 2, 2));
        var badCheckDigit = good[..17] + (good[17] == '0' ? '1' : '0');
        var csv = "document_number,kind,starts_on,ends_on\n"
            + $"{good},confirmed,2026-11-01,\n"
            + $"{badCheckDigit},confirmed,2026-11-01,\n"
            + $"{good},sick,2026-11-01,\n"
            + $"{good},quarantine,2026-11-10,2026-11-01\n"
            + $"{good},quarantine,11/10/2026,\n";
        var summary = await _factory.ImportCsvAsync("risk-list", csv);
        Assert.Equal(5, summary.GetProperty("totalRows").GetInt64());
        Assert.Equal(1, summary.GetProperty("acceptedRows").GetInt64());
        Assert.Equal(4, summary.GetProperty("rejectedRows").GetInt64());
        var report = await _factory.Authority().GetStringAsync(summary.GetProperty("rejectedReport").GetString());
        var lines = report.Trim().Split("\r\n"); // RFC 4180 line ends
        Assert.Equal("line,reason,raw", lines[0]);
        Assert.Equal(["3", "4", "5", "6"], lines.Skip(1).Select(l => l.Split(',')[0]).ToArray());
        Assert.Contains("身份证号码无效", lines[1]);
        // The stored rows keep no full document number, only its masked form.
        Assert.DoesNotContain(good, report);
        Assert.DoesNotContain(badCheckDigit, report);
        Assert.Contains(good[..3] + "***********" + good[^4..], report);
    }

    [Fact]
    public async Task An_unterminated_quoted_field_is_cut_at_the_record_limit_and_reading_stops()
    {
        var good = TestUsers.NextIdNumber(new DateOnly(1981, 3, 3));
        using var host = new HealthCodesFactory().With("MiniCode:HealthCodes:Imports:MaxRecordChars", "1024");
        // A quote never closed: without a cap the reader would pull the rest of the upload (here 2 MB) into one field.
        var csv = "document_number,kind,starts_on,ends_on\n" + $"{good},confirmed,2026-11-01,\n"
            + "\"" + string.Concat(Enumerable.Repeat("x,y\n", 500_000)) + $"{good},quarantine,2026-11-10,\n";
        var summary = await host.ImportCsvAsync("risk-list", csv);
        Assert.Equal(1, summary.GetProperty("acceptedRows").GetInt64());
        Assert.Equal(1, summary.GetProperty("rejectedRows").GetInt64());
        Assert.Equal(2, summary.GetProperty("totalRows").GetInt64());
        var report = await host.Authority().GetStringAsync(summary.GetProperty("rejectedReport").GetString());
        Assert.Contains("记录超过 1024 个字符", report);
        Assert.True(report.Length < 4096, "the stored reject keeps only the start of the over-long record");
    }

    [Fact]
    public async Task Json_api_regions_and_vaccinations()
    {
        var citizen = await DeclaredCitizenAsync("220102");
        var authority = _factory.Authority();
        var regions = await HttpAssert.Ok(await authority.PostAsync("/api/authority/imports/regions",
            new StringContent("[{\"region_code\":\"220100\",\"starts_on\":\"2026-11-20\",\"ends_on\":null}, 5]", Encoding.UTF8, "application/json")));
        Assert.Equal(1, regions.GetProperty("acceptedRows").GetInt64());
        Assert.Equal(1, regions.GetProperty("rejectedRows").GetInt64());
        Assert.Equal("yellow", await citizen.ColorAsync());

        var doses = $"[{{\"document_number\":\"{citizen.IdNumber}\",\"dose\":1,\"vaccinated_on\":\"2026-05-01\",\"product\":\"灭活疫苗\"}},"
            + $"{{\"document_number\":\"{citizen.IdNumber}\",\"dose\":2,\"vaccinated_on\":\"2026-06-01\",\"product\":\"灭活疫苗\"}}]";
        await HttpAssert.Ok(await authority.PostAsync("/api/authority/imports/vaccinations", new StringContent(doses, Encoding.UTF8, "application/json")));
        var code = await citizen.CodeAsync();
        Assert.Equal("full", code.GetProperty("badges").GetProperty("vaccination").GetString());
        Assert.True(code.GetProperty("style").GetProperty("goldBorder").GetBoolean());
        Assert.Equal(2, (await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/vaccinations"))).GetArrayLength());
    }

    [Fact]
    public async Task Imports_need_the_authority_key_and_a_known_kind()
    {
        var anonymous = _factory.CreateClient();
        await HttpAssert.Problem(await anonymous.PostAsync("/api/authority/imports/risk-list", new StringContent("a\n", Encoding.UTF8, "text/csv")), HttpStatusCode.Unauthorized, "auth.unauthorized");
        var partner = _factory.Partner();
        await HttpAssert.Problem(await partner.PostAsync("/api/authority/imports/risk-list", new StringContent("a\n", Encoding.UTF8, "text/csv")), HttpStatusCode.Forbidden, "auth.forbidden");
        var citizen = await _factory.CitizenAsync();
        await HttpAssert.Problem(await citizen.Client.PostAsync("/api/authority/imports/risk-list", new StringContent("a\n", Encoding.UTF8, "text/csv")), HttpStatusCode.Unauthorized, "auth.unauthorized");
        await HttpAssert.Problem(await _factory.Authority().PostAsync("/api/authority/imports/weather", new StringContent("a\n", Encoding.UTF8, "text/csv")), HttpStatusCode.NotFound, "imports.kind_unknown");
        await HttpAssert.Problem(await _factory.Authority().PostAsync("/api/authority/imports/regions", new StringContent("a", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task A_large_file_streams_through_in_batches()
    {
        var rows = 10_000;
        var sb = new StringBuilder("region_code,starts_on,ends_on\n");
        for (var i = 0; i < rows; i++) sb.Append(110000 + i % 9000 + 100000 * (i / 9000)).Append(",2026-11-01,2026-11-02\n");
        var summary = await _factory.ImportCsvAsync("regions", sb.ToString());
        Assert.Equal(rows, summary.GetProperty("totalRows").GetInt64());
        Assert.Equal(rows, summary.GetProperty("acceptedRows").GetInt64());
    }

    public void Dispose() => _factory.Dispose();
}
