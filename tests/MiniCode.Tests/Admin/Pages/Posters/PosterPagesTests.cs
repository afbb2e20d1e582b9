using System.Globalization;
using System.Net;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Posters;

namespace MiniCode.Tests.Admin.Pages.Posters;

/// <summary>The poster admin pages over HTTP: paging, deleted posters, refused input, downloads of every format.</summary>
public sealed class PosterPagesTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new MiniCodeFactory().With("Admin:PageSize", "5");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task List_pages_and_shows_deleted_posters_only_when_asked()
    {
        var owner = await _factory.CitizenAsync("慕容老板");
        var ids = new List<long>();
        for (var i = 1; i <= 6; i++) ids.Add((await owner.ApplyAsync($"慕容小店{i}号")).Id());
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/posters/{ids[0]}")).StatusCode);
        var admin = await AdminClient.LoggedInAsync(_factory);

        var first = await admin.GetPageAsync("/admin/posters?q=慕容");
        Assert.Contains("共 5 个张贴码", first);
        Assert.DoesNotContain("第 1 / 2 页", first);
        var withDeleted = await admin.GetPageAsync("/admin/posters?q=慕容&includeDeleted=true");
        Assert.Contains("第 1 / 2 页", withDeleted);
        var second = await admin.GetPageAsync("/admin/posters?q=慕容&includeDeleted=true&p=2");
        Assert.Contains("慕容小店1号", second); // newest first: the deleted, oldest one is alone on page 2
        Assert.Contains("已删除", second);

        var deleted = await admin.GetPageAsync($"/admin/posters/detail?id={ids[0]}");
        Assert.Contains("不再提供下载", deleted);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/admin/posters/detail?handler=Png&id={ids[0]}")).StatusCode);
        var revoke = await admin.PostFormAsync($"/admin/posters/detail?id={ids[0]}", new() { ["reason"] = "冒用" }, $"/admin/posters/detail?handler=Revoke&id={ids[0]}");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode); // the page again, with the refusal
        Assert.Contains("该张贴码已停用或已删除", await revoke.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync("/admin/posters/detail?id=999999")).StatusCode);
        Assert.Contains("地区编码应为6位数字", await admin.GetPageAsync("/admin/posters?region=22"));
    }

    [Fact]
    public async Task Downloads_have_their_formats_and_a_bad_time_range_is_refused_before_any_csv()
    {
        var owner = await _factory.CitizenAsync("诸葛老板");
        var poster = await owner.ApplyAsync("诸葛书店");
        var id = poster.Id().ToString(CultureInfo.InvariantCulture);
        var admin = await AdminClient.LoggedInAsync(_factory);

        var png = await admin.Http.GetAsync($"/admin/posters/detail?handler=Png&id={id}");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var svg = await admin.Http.GetAsync($"/admin/posters/detail?handler=Svg&id={id}");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
        var pdf = await admin.Http.GetAsync($"/admin/posters/detail?handler=Pdf&id={id}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Contains("诸葛书店", PosterKit.PdfText(await pdf.Content.ReadAsByteArrayAsync(), "pdftotext"));

        var refused = await admin.Http.GetAsync($"/admin/posters/checkins?handler=Export&id={id}&from=2026-11-21T10:00&to=2026-11-20T10:00");
        Assert.Equal("text/html", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("结束时间须晚于开始时间", await refused.Content.ReadAsStringAsync());
        var csv = await admin.Http.GetAsync($"/admin/posters/checkins?handler=Export&id={id}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("登记编号,姓名,手机号", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
    }
}
