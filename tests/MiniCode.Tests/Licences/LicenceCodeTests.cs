using System.Net;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Licences;

/// <summary>出示证照 and 验码: a short-lived MC1 code of type licence, its subject answer, and why it stops being live.</summary>
public sealed class LicenceCodeTests : IDisposable
{
    private readonly HealthCodesFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_shown_licence_verifies_with_what_a_counter_may_see()
    {
        var citizen = await _factory.CitizenAsync("张三丰");
        await _factory.IssuerRecordAsync(LicenceKit.IdCredential, citizen.IdNumber!, licenceNumber: "ID-CRED-0012345678",
            validFrom: new DateOnly(2021, 3, 1), validTo: new DateOnly(2041, 3, 1));
        var id = (await citizen.BoundAsync(LicenceKit.IdCredential)).GetProperty("id").GetInt64();
        var code = await HttpAssert.Ok(await citizen.Client.GetAsync($"/api/me/licences/{id}/code"));
        var payload = code.GetProperty("payload").GetString()!;
        Assert.True(CodePayload.TryParse(payload, out var claims, out _, out _));
        Assert.Equal(CodeType.Licence, claims.Type);
        Assert.Equal((ulong)id, claims.SubjectId);
        Assert.Null(claims.Color);
        Assert.Equal(TimeSpan.FromSeconds(120), claims.ExpiresAt - claims.IssuedAt);

        var scanner = (await _factory.ScannerAsync()).Client;
        var r = await scanner.VerifyAsync(payload);
        Assert.True(r.GetProperty("valid").GetBoolean());
        Assert.Equal("licence", r.GetProperty("type").GetString());
        Assert.Equal("张**", r.GetProperty("maskedName").GetString());
        var subject = r.GetProperty("subject");
        Assert.Equal("居民身份电子凭证", subject.GetProperty("title").GetString());
        Assert.Equal("张**", subject.GetProperty("maskedHolder").GetString());
        Assert.Equal("active", subject.GetProperty("state").GetString());
        Assert.Equal(new DateTimeOffset(2021, 2, 28, 16, 0, 0, TimeSpan.Zero), subject.GetProperty("validFrom").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2041, 3, 1, 16, 0, 0, TimeSpan.Zero), subject.GetProperty("validTo").GetDateTimeOffset());
        var facts = subject.GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("ID-***********5678", facts["licenceNumber"]);
        Assert.Equal("公安部（模拟签发）", facts["issuer"]);
        Assert.DoesNotContain(citizen.IdNumber!, r.GetRawText());
        Assert.DoesNotContain("0012345678", r.GetRawText());
        Assert.True((await _factory.Partner().VerifyAsync(payload)).GetProperty("valid").GetBoolean());

        _factory.Clock.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal("expired", (await scanner.VerifyAsync(payload)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_code_comes_as_png_and_svg_with_its_payload_in_the_headers()
    {
        var citizen = await _factory.CitizenAsync("钱多多");
        var id = (await citizen.BoundAsync(LicenceKit.SocialSecurity)).GetProperty("id").GetInt64();
        var png = await citizen.Client.GetAsync($"/api/me/licences/{id}/code.png");
        HealthCodeKit.AssertStatus(png, HttpStatusCode.OK);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var payload = png.Headers.GetValues("X-Code-Payload").Single();
        Assert.Equal(payload, HealthCodeKit.Zbar(await png.Content.ReadAsByteArrayAsync(), ".png"));
        Assert.True(png.Headers.Contains("X-Code-Expires"));
        var svg = await citizen.Client.GetAsync($"/api/me/licences/{id}/code.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
        var scanner = (await _factory.ScannerAsync()).Client;
        Assert.Equal("社会保障卡", (await scanner.VerifyAsync(payload)).GetProperty("subject").GetProperty("title").GetString());
    }

    [Fact]
    public async Task After_unbinding_its_codes_verify_revoked_and_say_why()
    {
        var citizen = await _factory.CitizenAsync("郑十");
        var id = (await citizen.BoundAsync(LicenceKit.SocialSecurity)).GetProperty("id").GetInt64();
        var payload = await citizen.LicenceCodeAsync(id);
        var scanner = (await _factory.ScannerAsync()).Client;
        Assert.True((await scanner.VerifyAsync(payload)).GetProperty("valid").GetBoolean());

        await HttpAssert.Ok(await citizen.Client.DeleteAsync($"/api/me/licences/{id}"), HttpStatusCode.NoContent);
        var r = await scanner.VerifyAsync(payload);
        Assert.False(r.GetProperty("valid").GetBoolean());
        Assert.Equal("revoked", r.GetProperty("reason").GetString());
        Assert.Equal("unbound", r.GetProperty("subject").GetProperty("state").GetString());
        await HttpAssert.Problem(await citizen.Client.GetAsync($"/api/me/licences/{id}/code"), HttpStatusCode.NotFound, "licences.not_found");
        // Binding the licence again gives a new binding: the old code stays revoked.
        var again = (await citizen.BoundAsync(LicenceKit.SocialSecurity)).GetProperty("id").GetInt64();
        Assert.NotEqual(id, again);
        Assert.Equal("revoked", (await scanner.VerifyAsync(payload)).GetProperty("reason").GetString());
        Assert.True((await scanner.VerifyAsync(await citizen.LicenceCodeAsync(again))).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_licence_past_its_last_day_is_not_live_and_shows_no_new_code()
    {
        // 23:59 in China on the licence's last day.
        var lastDay = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().AddHours(8).DateTime);
        _factory.Clock.Set(new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(23, 59)), TimeSpan.FromHours(8)).ToUniversalTime());
        var citizen = await _factory.CitizenAsync("冯十一");
        await _factory.IssuerRecordAsync(LicenceKit.SocialSecurity, citizen.IdNumber!, validFrom: new DateOnly(2016, 1, 1), validTo: lastDay);
        var id = (await citizen.BoundAsync(LicenceKit.SocialSecurity)).GetProperty("id").GetInt64();
        var payload = await citizen.LicenceCodeAsync(id);
        var scanner = (await _factory.ScannerAsync()).Client;
        Assert.True((await scanner.VerifyAsync(payload)).GetProperty("valid").GetBoolean());

        _factory.Clock.Advance(TimeSpan.FromSeconds(90));
        var r = await scanner.VerifyAsync(payload);
        Assert.Equal("revoked", r.GetProperty("reason").GetString());
        Assert.Equal("expired", r.GetProperty("subject").GetProperty("state").GetString());
        Assert.True((await HttpAssert.Ok(await citizen.Client.GetAsync($"/api/me/licences/{id}"))).GetProperty("expired").GetBoolean());
        await HttpAssert.Problem(await citizen.Client.GetAsync($"/api/me/licences/{id}/code"), HttpStatusCode.Conflict, "licences.expired");
    }

    [Fact]
    public async Task A_licence_code_of_no_binding_verifies_revoked()
    {
        var signer = await _factory.WithServiceAsync<CodeSigner, string>(s => Task.FromResult(s.Sign(CodeType.Licence, 987654, null, _factory.Clock.GetUtcNow(), TimeSpan.FromMinutes(1)).Text));
        var r = await (await _factory.ScannerAsync()).Client.VerifyAsync(signer);
        Assert.Equal("revoked", r.GetProperty("reason").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("subject").ValueKind);
    }
}
