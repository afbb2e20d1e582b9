using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Features.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>Optional face check before showing a code (一码通 亮码), with the identity feature's history stood in for.</summary>
public sealed class FaceCheckTests : IDisposable
{
    private sealed class FakeHistory : IFaceVerificationHistory
    {
        public DateTimeOffset? Last { get; set; }
        public Task<DateTimeOffset?> LastVerifiedAtAsync(long personId, CancellationToken cancellationToken) => Task.FromResult(Last);
    }

    private sealed class Host : HealthCodesFactory
    {
        public FakeHistory History { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IFaceVerificationHistory>(History));
        }
    }

    private readonly Host _factory = (Host)new Host().With("MiniCode:HealthCodes:FaceCheck:Required", "true").With("MiniCode:HealthCodes:FaceCheck:MaxAgeMinutes", "10");

    [Fact]
    public async Task Code_needs_a_recent_face_verification_when_enabled()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/code"), HttpStatusCode.Forbidden, "codes.face_check_required");
        _factory.History.Last = _factory.Clock.GetUtcNow();
        Assert.Equal("green", await citizen.ColorAsync());
        _factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/code.png"), HttpStatusCode.Forbidden, "codes.face_check_required");
    }

    public void Dispose() => _factory.Dispose();
}

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
