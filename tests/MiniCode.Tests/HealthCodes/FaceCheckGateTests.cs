using System.Net;
using MiniCode.Tests.Checkpoints;
using MiniCode.Tests.Households;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>
/// 亮码前人脸核验 through the real face check (simulator verifier): the holder's face is checked whoever's code is shown,
/// face-exempt relatives never need one, and one check lasts the login session, some minutes, or one showing.
/// </summary>
public sealed class FaceCheckGateTests : IDisposable
{
    private MiniCodeFactory _factory = new HealthCodesFactory().With("MiniCode:HealthCodes:FaceCheck:Required", "true");

    private static Task<HttpResponseMessage> FaceCheckAsync(TestUser user) => user.Client.PostJson("/api/me/face-check", new { verificationToken = "sim:pass" });

    private static async Task AssertRefused(HttpResponseMessage response) =>
        await HttpAssert.Problem(response, HttpStatusCode.Forbidden, "codes.face_check_required");

    [Fact]
    public async Task A_relatives_code_needs_the_holders_face_check_and_a_face_exempt_relatives_code_none()
    {
        var holder = await _factory.CitizenAsync("王大明");
        await holder.DeclareAsync();
        var adult = await holder.AddRelativeAsync("王小明", new DateOnly(1996, 3, 8));
        var child = (await HttpAssert.Ok(await holder.PostRelativeAsync(HouseholdsKit.Relative("王小小", new DateOnly(2020, 6, 1), faceToken: null, consent: "guardian")),
            HttpStatusCode.Created)).GetProperty("id").GetInt64();

        await AssertRefused(await holder.Client.GetAsync($"/api/me/relatives/{adult}/code"));
        Assert.Equal("green", (await HttpAssert.Ok(await holder.Client.GetAsync($"/api/me/relatives/{child}/code"))).GetProperty("color").GetString());
        Assert.Equal(HttpStatusCode.OK, (await holder.Client.GetAsync($"/api/me/relatives/{child}/code.png")).StatusCode);

        await HttpAssert.Ok(await FaceCheckAsync(holder)); // the holder's own face, never the relative's
        Assert.Equal("green", (await HttpAssert.Ok(await holder.Client.GetAsync($"/api/me/relatives/{adult}/code"))).GetProperty("color").GetString());
        Assert.Equal("green", await holder.ColorAsync());
    }

    [Fact]
    public async Task By_default_one_face_check_lasts_the_login_session_and_a_new_login_asks_again()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        await HttpAssert.Ok(await FaceCheckAsync(citizen));
        Assert.Equal("green", await citizen.ColorAsync());
        Assert.Equal("green", await citizen.ColorAsync());

        var again = await _factory.ReloginAsync(citizen);
        await AssertRefused(await again.Client.GetAsync("/api/me/code"));
        await HttpAssert.Ok(await FaceCheckAsync(again));
        Assert.Equal("green", await again.ColorAsync());
    }

    [Fact]
    public async Task With_every_showing_each_code_uses_up_one_face_check()
    {
        _factory.Dispose();
        _factory = new HealthCodesFactory().With("MiniCode:HealthCodes:FaceCheck:Required", "true")
            .With("MiniCode:HealthCodes:FaceCheck:Interval", "EveryShowing");
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        await HttpAssert.Ok(await FaceCheckAsync(citizen));
        Assert.Equal("green", await citizen.ColorAsync());
        await AssertRefused(await citizen.Client.GetAsync("/api/me/code"));
        await HttpAssert.Ok(await FaceCheckAsync(citizen));
        Assert.Equal(HttpStatusCode.OK, (await citizen.Client.GetAsync("/api/me/code.png")).StatusCode);
        await AssertRefused(await citizen.Client.GetAsync("/api/me/code.png"));
    }

    [Fact]
    public async Task With_minutes_a_face_check_outlives_the_session_until_it_is_too_old()
    {
        _factory.Dispose();
        _factory = new HealthCodesFactory().With("MiniCode:HealthCodes:FaceCheck:Required", "true")
            .With("MiniCode:HealthCodes:FaceCheck:Interval", "Minutes").With("MiniCode:HealthCodes:FaceCheck:MaxAgeMinutes", "10");
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        await HttpAssert.Ok(await FaceCheckAsync(citizen));
        Assert.Equal("green", await (await _factory.ReloginAsync(citizen)).ColorAsync());
        _factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await AssertRefused(await (await _factory.ReloginAsync(citizen)).Client.GetAsync("/api/me/code"));
    }

    public void Dispose() => _factory.Dispose();
}
