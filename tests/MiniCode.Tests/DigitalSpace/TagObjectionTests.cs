using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.DigitalSpace;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.DigitalSpace;

/// <summary>纠错/异议 over HTTP: validation, ownership, one open objection per tag, and the outcome the citizen sees.</summary>
public sealed class TagObjectionTests
{
    [Fact]
    public async Task An_objection_is_validated_owned_single_while_open_and_its_outcome_is_shown()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync();
        var stranger = await factory.CitizenAsync("王五");
        await factory.KindAsync("高风险人员", LegalBasisKind.PublicHealthEmergency, "防控通告第9号");
        await factory.ImportTagsAsync(DigitalSpaceKit.Header + DigitalSpaceKit.Row("高风险人员", citizen.IdNumber!));
        var tagId = Assert.Single(await citizen.TagsAsync()).GetProperty("id").GetInt64();
        var url = $"/api/me/tags/{tagId}/objection";

        await HttpAssert.Problem(await citizen.Client.GetAsync(url), HttpStatusCode.NotFound, "digitalspace.objection_not_found");
        await HttpAssert.Problem(await citizen.Client.PostJson(url, new { reason = " " }), HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await citizen.Client.PostJson(url, new { reason = new string('错', 501) }), HttpStatusCode.BadRequest, "request.validation_failed");
        // Someone else's tag is answered like a missing one.
        await HttpAssert.Problem(await stranger.Client.PostJson(url, new { reason = "不是我" }), HttpStatusCode.NotFound, "digitalspace.tag_not_found");
        await HttpAssert.Problem(await stranger.Client.GetAsync(url), HttpStatusCode.NotFound, "digitalspace.tag_not_found");
        await HttpAssert.Problem(await citizen.Client.PostJson("/api/me/tags/999999/objection", new { reason = "x" }), HttpStatusCode.NotFound, "digitalspace.tag_not_found");

        var filed = await HttpAssert.Ok(await citizen.Client.PostJson(url, new { reason = "我从未去过该地区" }), HttpStatusCode.Created);
        Assert.Equal("open", filed.GetProperty("status").GetString());
        await HttpAssert.Problem(await citizen.Client.PostJson(url, new { reason = "再提一次" }), HttpStatusCode.Conflict, "digitalspace.objection_open");
        Assert.Equal("open", Assert.Single(await citizen.TagsAsync()).GetProperty("objection").GetProperty("status").GetString());

        await factory.DecideAsync(filed.GetProperty("id").GetInt64(), uphold: false, "经核实，行程记录属实");
        var rejected = await HttpAssert.Ok(await citizen.Client.GetAsync(url));
        Assert.Equal(("rejected", "经核实，行程记录属实"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("answer").GetString()));
        Assert.False(Assert.Single(await citizen.TagsAsync()).GetProperty("removed").GetBoolean());

        // Decided, a new objection may be filed; upheld, the tag is removed and no further objection is taken.
        var second = await HttpAssert.Ok(await citizen.Client.PostJson(url, new { reason = "补充材料：当日在外地" }), HttpStatusCode.Created);
        await factory.DecideAsync(second.GetProperty("id").GetInt64(), uphold: true, "补充材料核实，标签已删除");
        var tag = Assert.Single(await citizen.TagsAsync());
        Assert.True(tag.GetProperty("removed").GetBoolean());
        Assert.Equal(("upheld", "补充材料核实，标签已删除"), (tag.GetProperty("objection").GetProperty("status").GetString(),
            tag.GetProperty("objection").GetProperty("answer").GetString()));
        await HttpAssert.Problem(await citizen.Client.PostJson(url, new { reason = "再提" }), HttpStatusCode.Conflict, "digitalspace.tag_removed");
    }
}

public static class TagObjectionKit
{
    /// <summary>Decides an objection through <see cref="ObjectionReview"/>, as the review page does.</summary>
    public static async Task DecideAsync(this MiniCodeFactory factory, long objectionId, bool uphold, string answer)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var objection = await db.Set<TagObjection>().SingleAsync(o => o.Id == objectionId);
        await scope.ServiceProvider.GetRequiredService<ObjectionReview>().DecideAsync(objection, uphold, answer, "staff:test", CancellationToken.None);
        await db.SaveChangesAsync();
    }
}
