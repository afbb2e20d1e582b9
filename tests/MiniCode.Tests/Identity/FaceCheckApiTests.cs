using System.Net;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

/// <summary>POST /api/me/face-check (simulator IFaceVerifier) feeds the health codes' face gate (一码通 亮码).</summary>
public sealed class FaceCheckApiTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new HealthCodesFactory()
        .With("MiniCode:HealthCodes:FaceCheck:Required", "true").With("MiniCode:HealthCodes:FaceCheck:MaxAgeMinutes", "10");

    [Fact]
    public async Task Show_code_is_refused_until_a_face_check_allowed_after_and_refused_when_it_is_too_old()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/code"), HttpStatusCode.Forbidden, "codes.face_check_required");

        var ok = await HttpAssert.Ok(await citizen.Client.PostJson("/api/me/face-check", new { verificationToken = "sim:pass" }));
        Assert.Equal(_factory.Clock.GetUtcNow(), ok.GetProperty("verifiedAt").GetDateTimeOffset());
        Assert.Equal("green", await citizen.ColorAsync());

        _factory.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("green", await citizen.ColorAsync()); // exactly the interval: still allowed
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/code"), HttpStatusCode.Forbidden, "codes.face_check_required");
    }

    [Fact]
    public async Task Failed_checks_are_refused_and_do_not_open_the_gate()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        await HttpAssert.Problem(await citizen.Client.PostJson("/api/me/face-check", new { verificationToken = "someone-else" }), HttpStatusCode.BadRequest, "identity.face_mismatch");
        await HttpAssert.Problem(await citizen.Client.PostJson("/api/me/face-check", new { verificationToken = "sim-busy" }), HttpStatusCode.ServiceUnavailable, "identity.face_unavailable");
        var invalid = await citizen.Client.PostJson("/api/me/face-check", new { verificationToken = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/code"), HttpStatusCode.Forbidden, "codes.face_check_required");
    }

    [Fact]
    public async Task A_citizen_without_real_name_cannot_face_check()
    {
        var anonymous = await _factory.AnonymousCitizenAsync();
        await HttpAssert.Problem(await anonymous.Client.PostJson("/api/me/face-check", new { verificationToken = "sim:pass" }),
            HttpStatusCode.Forbidden, "auth.real_name_required");
    }

    public void Dispose() => _factory.Dispose();
}
