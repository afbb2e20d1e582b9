using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Announcements;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Announcements;

public sealed class AnnouncementsApiTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task SeedAsync(params object[] entities)
    {
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Announcements_show_inside_their_publish_window_and_region_only()
    {
        var now = _factory.Clock.GetUtcNow();
        await SeedAsync(
            new Announcement { Title = "全省通知", Body = "正文", RegionCode = "220000", PublishFrom = now.AddHours(1), PublishUntil = now.AddHours(3), CreatedAt = now },
            new Announcement { Title = "北京通知", Body = "正文", RegionCode = "110000", PublishFrom = now, CreatedAt = now });
        var client = _factory.CreateClient();
        async Task<List<string?>> Titles(string region) =>
            (await HttpAssert.Ok(await client.GetAsync("/api/home/announcements?region=" + region))).EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();

        Assert.Empty(await Titles("220104"));
        _factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(["全省通知"], await Titles("220104"));
        Assert.Equal(["北京通知"], await Titles("110105"));
        _factory.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(["全省通知"], await Titles("220104"));
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await Titles("220104"));
        await HttpAssert.Problem(await client.GetAsync("/api/home/announcements"), HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public async Task A_district_service_link_overrides_the_provinces_link_of_the_same_kind()
    {
        await SeedAsync(
            new ServiceLink { RegionCode = "220000", Kind = ServiceLinkKind.TestingSites, Title = "全省检测点", Target = "https://jl.example/sites", Enabled = true },
            new ServiceLink { RegionCode = "220104", Kind = ServiceLinkKind.TestingSites, Title = "朝阳区检测点", Target = "https://cy.example/sites", Enabled = true },
            new ServiceLink { RegionCode = "220000", Kind = ServiceLinkKind.Vaccination, Title = "疫苗预约", Target = "https://jl.example/vaccine", Enabled = true },
            new ServiceLink { RegionCode = "220000", Kind = ServiceLinkKind.TravelCard, Title = "行程卡", Target = "https://jl.example/trip", Enabled = false });
        var client = _factory.CreateClient();
        var district = (await HttpAssert.Ok(await client.GetAsync("/api/home/service-links?region=220104"))).EnumerateArray().Select(l => l.GetProperty("title").GetString()).ToList();
        Assert.Equal(2, district.Count);
        Assert.Contains("朝阳区检测点", district);
        Assert.Contains("疫苗预约", district);
        var other = (await HttpAssert.Ok(await client.GetAsync("/api/home/service-links?region=220102"))).EnumerateArray().Select(l => l.GetProperty("title").GetString()).ToList();
        Assert.Contains("全省检测点", other);
        Assert.DoesNotContain("行程卡", other);
    }
}
