using System.Net;
using System.Text.Json;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Households;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Posters;

namespace MiniCode.Tests.Identity;

/// <summary>One human real-named in the WeChat and the Alipay mini program: two accounts, one person.</summary>
public sealed class OnePersonManyAccountsTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private async Task<(HttpClient WeChat, HttpClient Alipay, string IdNumber)> OnePersonOnBothAsync(string name)
    {
        var (wechat, _) = await factory.WeChatUserAsync();
        var alipay = await factory.AlipayUserAsync();
        var id = TestUsers.NextIdNumber(new DateOnly(1982, 4, 5));
        await HttpAssert.Ok(await wechat.PostJson("/api/me/real-name", new { name, idNumber = id, faceToken = "sim:pass" }));
        await HttpAssert.Ok(await alipay.PostJson("/api/me/real-name", new { name, idNumber = id, faceToken = "sim:pass" }));
        return (wechat, alipay, id);
    }

    private static ulong SubjectOf(JsonElement code)
    {
        Assert.True(CodePayload.TryParse(code.GetProperty("payload").GetString(), out var claims, out _, out _));
        return claims.SubjectId;
    }

    [Fact]
    public async Task WeChat_then_Alipay_real_name_of_one_person_share_the_person_code_and_colour()
    {
        var (wechat, alipay, id) = await OnePersonOnBothAsync("周同人");
        await HttpAssert.Ok(await wechat.PostJson("/api/me/declaration", HealthCodeKit.Declaration(temperature: 38.6m)));

        var onWeChat = await HttpAssert.Ok(await wechat.GetAsync("/api/me/code"));
        var onAlipay = await HttpAssert.Ok(await alipay.GetAsync("/api/me/code"));
        Assert.Equal(SubjectOf(onWeChat), SubjectOf(onAlipay));
        Assert.Equal(onWeChat.GetProperty("color").GetString(), onAlipay.GetProperty("color").GetString());

        var persons = await factory.QueryAsync(db => db.Set<Account>().Where(a => a.Person!.Name == "周同人").Select(a => a.PersonId).Distinct().ToListAsync());
        Assert.NotNull(Assert.Single(persons));

        // Each account lists the logins of both: its own first.
        var me = await HttpAssert.Ok(await alipay.GetAsync("/api/me"));
        var logins = me.GetProperty("logins").EnumerateArray().ToList();
        Assert.Equal("alipay", logins[0].GetProperty("method").GetString());
        Assert.True(logins[0].GetProperty("thisAccount").GetBoolean());
        Assert.Contains(logins, l => l.GetProperty("method").GetString() == "wechat" && !l.GetProperty("thisAccount").GetBoolean());
        Assert.DoesNotContain(id, me.GetRawText());
    }

    [Fact]
    public async Task The_same_document_under_another_name_is_document_in_use_and_only_after_the_face_check()
    {
        var (_, _, id) = await OnePersonOnBothAsync("吴真名");
        var (third, _) = await factory.WeChatUserAsync();
        await HttpAssert.Problem(await third.PostJson("/api/me/real-name", new { name = "吴假名", idNumber = id, faceToken = "sim-mismatch" }),
            HttpStatusCode.BadRequest, "identity.face_mismatch");
        await HttpAssert.Problem(await third.PostJson("/api/me/real-name", new { name = "吴假名", idNumber = id, faceToken = "sim:pass" }),
            HttpStatusCode.Conflict, "identity.document_in_use");
    }

    [Fact]
    public async Task Relatives_posters_and_offline_cards_of_the_person_are_seen_from_both_accounts()
    {
        var (wechat, alipay, _) = await OnePersonOnBothAsync("郑共享");
        await HttpAssert.Ok(await wechat.PostJson("/api/me/relatives", HouseholdsKit.Relative("郑老人", new DateOnly(1950, 1, 9))), HttpStatusCode.Created);
        var seen = await HttpAssert.Ok(await alipay.GetAsync("/api/me/relatives"));
        Assert.Equal("郑**", Assert.Single(seen.EnumerateArray()).GetProperty("name").GetString());
        var relativeId = seen[0].GetProperty("id").GetInt64();
        await HttpAssert.Ok(await alipay.GetAsync($"/api/me/relatives/{relativeId}"));

        var poster = await HttpAssert.Ok(await wechat.PostJson("/api/posters", PosterKit.Application("长春市朝阳区共享小店")), HttpStatusCode.Created);
        var posters = await HttpAssert.Ok(await alipay.GetAsync("/api/posters"));
        Assert.Equal(1, posters.GetProperty("total").GetInt32());
        await HttpAssert.Ok(await alipay.GetAsync($"/api/posters/{poster.Id()}"));

        await HttpAssert.Ok(await alipay.PostJson("/api/me/declaration", HealthCodeKit.Declaration()));
        var card = await HttpAssert.Ok(await alipay.PostJson("/api/me/offline-cards", new { }), HttpStatusCode.Created);
        var cards = await HttpAssert.Ok(await wechat.GetAsync("/api/me/offline-cards"));
        Assert.Equal(card.GetProperty("id").GetInt64(), Assert.Single(cards.EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Deleting_one_account_keeps_the_person_and_its_relatives_for_the_other()
    {
        var (wechat, alipay, _) = await OnePersonOnBothAsync("钱留存");
        await HttpAssert.Ok(await wechat.PostJson("/api/me/relatives", HouseholdsKit.Relative("钱老人", new DateOnly(1951, 2, 3))), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await wechat.DeleteAsync("/api/me")).StatusCode);

        var me = await HttpAssert.Ok(await alipay.GetAsync("/api/me"));
        Assert.Equal("钱**", me.GetProperty("realName").GetProperty("name").GetString());
        Assert.Single(me.GetProperty("logins").EnumerateArray());
        Assert.Single((await HttpAssert.Ok(await alipay.GetAsync("/api/me/relatives"))).EnumerateArray());
    }

    [Fact]
    public async Task A_second_openid_of_a_known_unionid_logs_into_the_same_account()
    {
        var union = IdentityTestKit.Unique("u-");
        var client = factory.CreateClient();
        var first = await HttpAssert.Ok(await client.PostJson("/api/auth/wechat/login", new { code = $"sim:{IdentityTestKit.Unique("o-")}@{union}" }));
        var secondOpenId = IdentityTestKit.Unique("o-");
        var second = await HttpAssert.Ok(await client.PostJson("/api/auth/wechat/login", new { code = $"sim:{secondOpenId}@{union}" }));
        var accountId = first.GetProperty("account").GetProperty("id").GetInt64();
        Assert.Equal(accountId, second.GetProperty("account").GetProperty("id").GetInt64());

        // Once linked, the second openid alone (no unionid in the answer) finds the account too.
        var again = await HttpAssert.Ok(await client.PostJson("/api/auth/wechat/login", new { code = "sim:" + secondOpenId }));
        Assert.Equal(accountId, again.GetProperty("account").GetProperty("id").GetInt64());
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<Account>().CountAsync(a => a.WeChatUnionId == union)));
        Assert.Equal(2, second.GetProperty("account").GetProperty("logins").EnumerateArray().Count(l => l.GetProperty("method").GetString() == "wechat"));
    }
}
