using System.Net;
using MiniCode.Features.Posters;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Posters;

/// <summary>The WeChat (getwxacodeunlimit) and Alipay (alipay.open.app.qrcode.create) variants against the simulator.</summary>
public sealed class PlatformCodeTests : IClassFixture<PostersFactory>
{
    private readonly MiniCodeFactory _factory;
    public PlatformCodeTests(PostersFactory factory) => _factory = factory;

    [Fact]
    public async Task WeChat_code_carries_the_scene_is_cached_and_checks_in()
    {
        var owner = await _factory.CitizenAsync("吕老板");
        var poster = await owner.ApplyAsync("吕家小吃");
        var scene = poster.Scene();
        Assert.True(scene.Length <= 32);
        var response = await owner.Client.GetAsync($"/api/posters/{poster.Id()}/wechat-code.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var image = await response.Content.ReadAsByteArrayAsync();
        // The simulator draws the scene it was asked for: proof of what WeChat would encode.
        Assert.Equal("sim-wxacode:" + scene, HealthCodeKit.Zbar(image, ".png"));
        var cached = await _factory.QueryAsync(db => db.Set<PosterGeneration>().Where(g => g.PosterId == poster.Id()).Select(g => g.WeChatCode).SingleAsync());
        Assert.Equal(image, cached);
        // Served from the row from now on: what is stored is what comes back, WeChat is not asked again.
        byte[] marker = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        await _factory.QueryAsync(db => db.Set<PosterGeneration>().Where(g => g.PosterId == poster.Id())
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.WeChatCode, marker)));
        Assert.Equal(marker, await owner.Client.GetByteArrayAsync($"/api/posters/{poster.Id()}/wechat-code.png"));

        var visitor = await _factory.VisitorAsync("施访客");
        var checkIn = await HttpAssert.Ok(await visitor.CheckInAsync(Uri.EscapeDataString(scene))); // as options.scene arrives
        Assert.Equal("吕家小吃", checkIn.GetProperty("venue").GetProperty("venueName").GetString());
        Assert.Equal("scene", await _factory.QueryAsync(db => db.Set<CheckIn>().Where(c => c.PosterId == poster.Id()).Select(c => c.Via).SingleAsync()));

        // A rotation gives a new scene and a new image.
        var rotated = await HttpAssert.Ok(await owner.Client.PostAsync($"/api/posters/{poster.Id()}/rotate", null));
        var newImage = await owner.Client.GetByteArrayAsync($"/api/posters/{poster.Id()}/wechat-code.png");
        Assert.Equal("sim-wxacode:" + rotated.Scene(), HealthCodeKit.Zbar(newImage, ".png"));
    }

    [Fact]
    public async Task Alipay_code_url_is_created_with_the_scene_and_cached()
    {
        var owner = await _factory.CitizenAsync("张老板");
        var poster = await owner.ApplyAsync("张家客栈");
        var first = await HttpAssert.Ok(await owner.Client.GetAsync($"/api/posters/{poster.Id()}/alipay-code"));
        var url = first.GetProperty("qrCodeUrl").GetString()!;
        Assert.StartsWith("https://sim.alipay.example/qr/", url);
        Assert.Equal(poster.Scene(), first.GetProperty("scene").GetString());
        Assert.Equal(url, await _factory.QueryAsync(db => db.Set<PosterGeneration>().Where(g => g.PosterId == poster.Id()).Select(g => g.AlipayQrCodeUrl).SingleAsync()));
        const string stored = "https://cached.example/qr/poster.jpg"; // proves the second answer comes from the row
        await _factory.QueryAsync(db => db.Set<PosterGeneration>().Where(g => g.PosterId == poster.Id())
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.AlipayQrCodeUrl, stored)));
        var again = await HttpAssert.Ok(await owner.Client.GetAsync($"/api/posters/{poster.Id()}/alipay-code"));
        Assert.Equal(stored, again.GetProperty("qrCodeUrl").GetString());
        var rotated = await HttpAssert.Ok(await owner.Client.PostAsync($"/api/posters/{poster.Id()}/rotate", null));
        var renewed = await HttpAssert.Ok(await owner.Client.GetAsync($"/api/posters/{poster.Id()}/alipay-code"));
        Assert.Equal(rotated.Scene(), renewed.GetProperty("scene").GetString());
        Assert.StartsWith("https://sim.alipay.example/qr/", renewed.GetProperty("qrCodeUrl").GetString());
        Assert.NotEqual(url, renewed.GetProperty("qrCodeUrl").GetString());
    }
}
