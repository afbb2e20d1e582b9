using System.Net;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Posters;

/// <summary>
/// <c>/api/codes/verify</c> applies the online poster rules exactly as check-in does: a poster payload is valid only
/// while a visitor could check into it.
/// </summary>
public sealed class PosterVerifyTests(HealthCodesFactory factory) : IClassFixture<HealthCodesFactory>
{
    [Fact]
    public async Task A_live_poster_verifies_and_deleted_or_rotated_ones_are_revoked()
    {
        var owner = await factory.CitizenAsync("冯店长");
        var partner = factory.Partner();
        var live = await owner.ApplyAsync("长春市朝阳区一号超市");
        var verified = await partner.VerifyAsync(live.Payload());
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("poster", verified.GetProperty("type").GetString());

        var rotated = await owner.ApplyAsync("长春市朝阳区二号超市");
        await HttpAssert.Ok(await owner.Client.PostAsync($"/api/posters/{rotated.Id()}/rotate", null));
        Assert.True((await partner.VerifyAsync(rotated.Payload())).GetProperty("valid").GetBoolean()); // within the grace period
        factory.Clock.Advance(TimeSpan.FromHours(25)); // past the 24-hour grace period
        var stale = await partner.VerifyAsync(rotated.Payload());
        Assert.False(stale.GetProperty("valid").GetBoolean());
        Assert.Equal("revoked", stale.GetProperty("reason").GetString());

        var deleted = await owner.ApplyAsync("长春市朝阳区三号超市");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/posters/{deleted.Id()}")).StatusCode);
        var gone = await partner.VerifyAsync(deleted.Payload());
        Assert.False(gone.GetProperty("valid").GetBoolean());
        Assert.Equal("revoked", gone.GetProperty("reason").GetString());
    }
}
