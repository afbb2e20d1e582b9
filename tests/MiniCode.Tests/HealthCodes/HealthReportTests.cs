using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

public sealed class HealthReportTests : IClassFixture<HealthCodesFactory>
{
    private readonly HealthCodesFactory _factory;
    public HealthReportTests(HealthCodesFactory factory) => _factory = factory;

    [Fact]
    public async Task Report_shows_masked_identity_colour_history_and_records()
    {
        var citizen = await _factory.CitizenAsync("赵六");
        await citizen.DeclareAsync();
        await _factory.ImportCsvAsync("nucleic-acid", $"document_number,sampled_at,result,institution\n{citizen.IdNumber},2026-11-19T08:00:00+08:00,negative,市疾控中心\n");
        var report = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/health-report"));
        Assert.Equal(MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskName("赵六"), report.GetProperty("maskedName").GetString());
        Assert.DoesNotContain(citizen.IdNumber!, report.GetRawText());
        Assert.Equal(MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskIdNumber(citizen.IdNumber), report.GetProperty("maskedDocument").GetString());
        Assert.Equal("green", report.GetProperty("color").GetString());
        Assert.Equal("72h", report.GetProperty("badges").GetProperty("nucleicAcid").GetString());
        Assert.Equal(1, report.GetProperty("nucleicAcid").GetArrayLength());
        Assert.Equal(0, report.GetProperty("vaccinations").GetArrayLength());
        Assert.True(report.GetProperty("history").GetArrayLength() >= 1);
    }
}
