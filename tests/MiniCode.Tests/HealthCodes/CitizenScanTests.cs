using System.Net;
using MiniCode.Infrastructure.Logging;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>扫一扫 (福建): a citizen scans another's code and sees what a checkpoint sees, within its own limit.</summary>
public sealed class CitizenScanTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new HealthCodesFactory().With("MiniCode:HealthCodes:CitizenScanPerMinute", "4");

    private static Task<HttpResponseMessage> ScanAsync(TestUser user, string payload) => user.Client.PostJson("/api/me/scan", new { payload });

    [Fact]
    public async Task A_citizen_sees_colour_masked_name_and_why_a_code_is_not_valid_and_is_limited_per_minute()
    {
        var scanner = await _factory.CitizenAsync("陈扫码");
        var holder = await _factory.CitizenAsync("黄出示");
        await holder.DeclareAsync(temperature: 38.0m);
        var payload = (await holder.CodeAsync()).GetProperty("payload").GetString()!;

        var seen = await HttpAssert.Ok(await ScanAsync(scanner, payload));
        Assert.True(seen.GetProperty("valid").GetBoolean());
        Assert.Equal("yellow", seen.GetProperty("color").GetString());
        Assert.Equal(SensitiveDataMasker.MaskName("黄出示"), seen.GetProperty("maskedName").GetString());
        Assert.Equal("health_code", seen.GetProperty("type").GetString());
        Assert.DoesNotContain("portrait", seen.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var forged = await HttpAssert.Ok(await ScanAsync(scanner, "MC1:forged"));
        Assert.Equal((false, "malformed"), (forged.GetProperty("valid").GetBoolean(), forged.GetProperty("reason").GetString()));
        _factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await HttpAssert.Ok(await ScanAsync(scanner, payload));
        Assert.Equal((false, "expired"), (expired.GetProperty("valid").GetBoolean(), expired.GetProperty("reason").GetString()));
        Assert.Contains("过期", expired.GetProperty("reasonText").GetString());
        Assert.Equal(JsonNull, expired.GetProperty("maskedName").ValueKind);

        await HttpAssert.Ok(await ScanAsync(scanner, payload)); // the fourth in this minute
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ScanAsync(scanner, payload)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScanAsync(holder, payload)).StatusCode); // another account has its own limit
    }

    [Fact]
    public async Task Scanning_needs_a_citizen_session()
    {
        var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJson("/api/me/scan", new { payload = "MC1:x" })).StatusCode);
        var citizen = await _factory.CitizenAsync();
        await HttpAssert.Problem(await citizen.Client.PostJson("/api/me/scan", new { payload = "" }), HttpStatusCode.BadRequest, "request.validation_failed");
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    public void Dispose() => _factory.Dispose();
}
