using System.Net;
using MiniCode.Tests.Households;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Posters;

/// <summary>A holder checks a relative in at a venue (households + posters); nobody else can name that relative.</summary>
public sealed class RelativeCheckInTests(PostersFactory factory) : IClassFixture<PostersFactory>
{
    [Fact]
    public async Task Holder_checks_in_a_relative_and_others_cannot()
    {
        var owner = await factory.CitizenAsync("钱店主");
        var poster = await owner.ApplyAsync("钱记面馆");
        var holder = await factory.VisitorAsync("孙家长");
        var relativeId = await holder.AddRelativeAsync("孙奶奶", new DateOnly(1950, 2, 3));

        var checkIn = await HttpAssert.Ok(await holder.CheckInAsync(poster.Payload(), relativeId));
        Assert.Equal("孙**", checkIn.GetProperty("maskedName").GetString());
        var mine = await HttpAssert.Ok(await holder.Client.GetAsync($"/api/check-ins?relativeId={relativeId}"));
        Assert.Contains("钱记面馆", mine.ToString());

        var stranger = await factory.VisitorAsync("周路人");
        await HttpAssert.Problem(await stranger.CheckInAsync(poster.Payload(), relativeId), HttpStatusCode.Forbidden, "check_ins.person_not_allowed");
        await HttpAssert.Problem(await stranger.Client.GetAsync($"/api/check-ins?relativeId={relativeId}"), HttpStatusCode.Forbidden, "check_ins.person_not_allowed");
    }
}
