using System.Net;
using System.Text;
using MiniCode.Features.Posters;
using MiniCode.Features.Rendering;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Posters;

/// <summary>The whole life of a poster over HTTP: apply → download → check-in → owner view → rotation → deletion.</summary>
public sealed class PosterFlowTests : IClassFixture<PostersFactory>
{
    private readonly MiniCodeFactory _factory;
    public PosterFlowTests(PostersFactory factory) => _factory = factory;

    [Fact]
    public async Task Apply_download_check_in_owner_view_rotate_delete()
    {
        var owner = await _factory.CitizenAsync("王大伟");
        var applied = await owner.ApplyAsync();
        var id = applied.Id();
        Assert.Equal("active", applied.GetProperty("poster").GetProperty("status").GetString());
        Assert.Equal("138****8000", applied.GetProperty("poster").GetProperty("contactPhoneMasked").GetString());
        Assert.Equal(1, applied.GetProperty("poster").GetProperty("generation").GetInt32());
        var payload = applied.Payload();
        Assert.Equal(120, payload.Length);

        var list = await HttpAssert.Ok(await owner.Client.GetAsync("/api/posters"));
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());

        // Downloads: PNG and SVG of the QR, and the A4 poster PDF, all scan back to the signed payload.
        var png = await owner.Client.GetAsync($"/api/posters/{id}/qr.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(payload, HealthCodeKit.Zbar(await png.Content.ReadAsByteArrayAsync(), ".png"));
        var svg = await owner.Client.GetAsync($"/api/posters/{id}/qr.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var svgPng = await _factory.WithServiceAsync<ISvgConverter, byte[]>(c =>
            c.ConvertAsync(Encoding.UTF8.GetString(svg.Content.ReadAsByteArrayAsync().Result), SvgOutput.Png, 600, CancellationToken.None));
        Assert.Equal(payload, HealthCodeKit.Zbar(svgPng, ".png"));
        var pdf = await owner.Client.GetAsync($"/api/posters/{id}/poster.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal([payload], PosterKit.DecodePdfPages(pdfBytes));
        var text = PosterKit.PdfText(pdfBytes, "pdftotext");
        Assert.Contains("长春市朝阳区幸福超市", text);
        Assert.Contains("扫一扫", text);
        Assert.Contains($"P{id}-1", text);
        Assert.Contains("NotoSansCJK", PosterKit.PdfText(pdfBytes, "pdffonts"));

        // Check-in with what the camera read: venue and colour for the door, retention shown.
        var visitor = await _factory.VisitorAsync("李小明");
        var checkIn = await HttpAssert.Ok(await visitor.CheckInAsync(payload));
        Assert.Equal(id, checkIn.GetProperty("venue").GetProperty("posterId").GetInt64());
        Assert.Equal("长春市朝阳区幸福超市", checkIn.GetProperty("venue").GetProperty("venueName").GetString());
        Assert.Equal("shop", checkIn.GetProperty("venue").GetProperty("venueType").GetString());
        Assert.Equal("green", checkIn.GetProperty("color").GetString());
        Assert.Equal("李**", checkIn.GetProperty("maskedName").GetString());
        Assert.Equal(28, checkIn.GetProperty("retentionDays").GetInt32());
        Assert.Contains("28天", checkIn.GetProperty("retentionNotice").GetString());
        Assert.False(checkIn.GetProperty("repeated").GetBoolean());
        var personOnRow = await _factory.QueryAsync(db => db.Set<CheckIn>().Where(c => c.PosterId == id).Select(c => c.PersonId).SingleAsync());
        Assert.Equal(visitor.PersonId, personOnRow);

        // Owner view: masked, and another account cannot see it.
        var visitors = await HttpAssert.Ok(await owner.Client.GetAsync($"/api/posters/{id}/check-ins"));
        var row = Assert.Single(visitors.GetProperty("items").EnumerateArray());
        Assert.Equal("李**", row.GetProperty("maskedName").GetString());
        await HttpAssert.Problem(await visitor.Client.GetAsync($"/api/posters/{id}/check-ins"), HttpStatusCode.NotFound, "posters.not_found");
        var csv = await owner.Client.GetAsync($"/api/posters/{id}/check-ins.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var csvText = await csv.Content.ReadAsStringAsync();
        Assert.Contains("登记编号,姓名,手机号", csvText);
        Assert.Contains("李**", csvText);
        Assert.DoesNotContain("李小明", csvText);

        // Rotation: new payload; the old keeps working through the grace period, then stops.
        var rotated = await HttpAssert.Ok(await owner.Client.PostAsync($"/api/posters/{id}/rotate", null));
        Assert.Equal(2, rotated.GetProperty("poster").GetProperty("generation").GetInt32());
        Assert.NotEqual(payload, rotated.Payload());
        Assert.NotEqual(applied.Scene(), rotated.Scene());
        Assert.Equal(1, Assert.Single(rotated.GetProperty("stillValidPrevious").EnumerateArray()).GetProperty("generation").GetInt32());
        Assert.Equal(rotated.Payload(), HealthCodeKit.Zbar(await owner.Client.GetByteArrayAsync($"/api/posters/{id}/qr.png"), ".png"));
        _factory.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        await HttpAssert.Ok(await visitor.CheckInAsync(payload));
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await HttpAssert.Problem(await visitor.CheckInAsync(payload), HttpStatusCode.Gone, "posters.rotated");
        await HttpAssert.Problem(await visitor.CheckInAsync(applied.Scene()), HttpStatusCode.Gone, "posters.rotated");
        var fresh = await HttpAssert.Ok(await visitor.CheckInAsync(rotated.Payload()));
        Assert.True(fresh.GetProperty("repeated").GetBoolean()); // a second after the previous scan: the same visit

        // Deletion stops it at once; the owner no longer sees it.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/posters/{id}")).StatusCode);
        await HttpAssert.Problem(await visitor.CheckInAsync(rotated.Payload()), HttpStatusCode.Gone, "posters.deleted");
        await HttpAssert.Problem(await visitor.CheckInAsync(rotated.Scene()), HttpStatusCode.Gone, "posters.deleted");
        await HttpAssert.Problem(await owner.Client.GetAsync($"/api/posters/{id}"), HttpStatusCode.NotFound, "posters.not_found");
        Assert.Empty((await HttpAssert.Ok(await owner.Client.GetAsync("/api/posters"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Repeat_scans_within_the_window_collapse_into_one_record()
    {
        var owner = await _factory.CitizenAsync("赵店主");
        var poster = await owner.ApplyAsync("赵记面馆");
        var visitor = await _factory.VisitorAsync("钱多多");
        var first = await HttpAssert.Ok(await visitor.CheckInAsync(poster.Payload()));
        _factory.Clock.Advance(TimeSpan.FromMinutes(29));
        var second = await HttpAssert.Ok(await visitor.CheckInAsync(poster.Scene())); // the mini-program code counts as the same venue
        Assert.True(second.GetProperty("repeated").GetBoolean());
        Assert.Equal(first.GetProperty("checkInId").GetInt64(), second.GetProperty("checkInId").GetInt64());
        Assert.Equal(2, second.GetProperty("scanCount").GetInt32());
        _factory.Clock.Advance(TimeSpan.FromMinutes(1)); // 30 minutes after the first scan: a new visit
        var third = await HttpAssert.Ok(await visitor.CheckInAsync(poster.Payload()));
        Assert.False(third.GetProperty("repeated").GetBoolean());
        Assert.NotEqual(first.GetProperty("checkInId").GetInt64(), third.GetProperty("checkInId").GetInt64());

        var mine = await HttpAssert.Ok(await visitor.Client.GetAsync("/api/check-ins"));
        Assert.Equal(2, mine.GetProperty("items").GetArrayLength());
        Assert.Equal(28, mine.GetProperty("retentionDays").GetInt32());
    }

    [Fact]
    public async Task Owner_view_filters_by_time_and_streams_the_filtered_csv()
    {
        var owner = await _factory.CitizenAsync("孙老板");
        var poster = await owner.ApplyAsync("孙家药店");
        var early = await _factory.VisitorAsync("周一");
        await HttpAssert.Ok(await early.CheckInAsync(poster.Payload()));
        var between = _factory.Clock.GetUtcNow().AddMinutes(30);
        _factory.Clock.Advance(TimeSpan.FromHours(1));
        var late = await _factory.VisitorAsync("吴二");
        await HttpAssert.Ok(await late.CheckInAsync(poster.Payload()));
        var id = poster.Id();
        var since = Uri.EscapeDataString(between.ToString("O"));

        var all = await HttpAssert.Ok(await owner.Client.GetAsync($"/api/posters/{id}/check-ins"));
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var after = await HttpAssert.Ok(await owner.Client.GetAsync($"/api/posters/{id}/check-ins?from={since}"));
        Assert.Equal("吴*", Assert.Single(after.GetProperty("items").EnumerateArray()).GetProperty("maskedName").GetString());
        var before = await HttpAssert.Ok(await owner.Client.GetAsync($"/api/posters/{id}/check-ins?to={since}"));
        Assert.Equal("周*", Assert.Single(before.GetProperty("items").EnumerateArray()).GetProperty("maskedName").GetString());
        var csv = await owner.Client.GetStringAsync($"/api/posters/{id}/check-ins.csv?from={since}");
        Assert.Contains("吴*", csv);
        Assert.DoesNotContain("周*", csv);
        await HttpAssert.Problem(await owner.Client.GetAsync($"/api/posters/{id}/check-ins.csv?from={since}&to={since}"),
            HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await owner.Client.GetAsync($"/api/posters/{id}/check-ins?pageSize=0"), HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public async Task Bulk_pdf_has_a_scannable_page_per_poster()
    {
        var owner = await _factory.CitizenAsync("郑主任");
        var a = await owner.ApplyAsync("第一食堂");
        var b = await owner.ApplyAsync("吉林省长春市朝阳区人民大街第二实验小学附属幼儿园职工食堂"); // wraps onto two lines
        var response = await owner.Client.GetAsync($"/api/posters/poster.pdf?ids={a.Id()}&ids={b.Id()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([a.Payload(), b.Payload()], PosterKit.DecodePdfPages(await response.Content.ReadAsByteArrayAsync()));
        var everything = await owner.Client.GetByteArrayAsync("/api/posters/poster.pdf");
        Assert.Equal(2, PosterKit.DecodePdfPages(everything).Count);
        var stranger = await _factory.CitizenAsync("陌生人");
        await HttpAssert.Problem(await stranger.Client.GetAsync($"/api/posters/poster.pdf?ids={a.Id()}"), HttpStatusCode.NotFound, "posters.not_found");
        await HttpAssert.Problem(await stranger.Client.GetAsync("/api/posters/poster.pdf"), HttpStatusCode.BadRequest, "request.validation_failed");
    }
}
