using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.People;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>Colour-change notices travel as WeChat subscribe / Alipay template messages (recorded by the simulator) and land in the inbox.</summary>
public sealed class PlatformNoticeTests : IClassFixture<PlatformNoticeTests.Host>
{
    public sealed class Host : HealthCodesFactory
    {
        public Host()
        {
            With("MiniCode:Notices:WeChat:TemplateId", "tmpl-wechat-color");
            With("MiniCode:Notices:Alipay:TemplateId", "tmpl-alipay-color");
        }
    }

    private readonly Host _factory;
    public PlatformNoticeTests(Host factory) => _factory = factory;

    [Fact]
    public async Task High_temperature_declaration_sends_a_subscribe_message_to_the_openid_and_fills_the_inbox()
    {
        var citizen = await _factory.CitizenAsync("钱七");
        var openId = "o-color-" + citizen.AccountId;
        await SetPlatformIdsAsync(citizen.AccountId, openId, null);
        await citizen.DeclareAsync();
        await citizen.DeclareAsync(temperature: 38.2m);
        Assert.Equal([NoticeDeliveryStatus.Sent, NoticeDeliveryStatus.Sent], await DeliveriesEndedAsync(citizen)); // WeChat and Alipay

        var messages = await SimulatorAsync($"/simulator/wechat/simulator/subscribe-messages?openid={openId}");
        var message = Assert.Single(messages.EnumerateArray());
        Assert.Equal("tmpl-wechat-color", message.GetProperty("templateId").GetString());
        Assert.Equal("pages/notices/index", message.GetProperty("page").GetString());
        using var data = JsonDocument.Parse(message.GetProperty("dataJson").GetString()!);
        Assert.Equal("健康码颜色变更", data.RootElement.GetProperty("thing1").GetProperty("value").GetString());
        Assert.EndsWith("…", data.RootElement.GetProperty("thing2").GetProperty("value").GetString()); // thing: at most 20 characters
        await AssertInboxHasColorChangeAsync(citizen);
    }

    [Fact]
    public async Task Alipay_users_get_a_template_message()
    {
        var citizen = await _factory.CitizenAsync("孙八");
        var userId = "2088" + citizen.AccountId.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        await SetPlatformIdsAsync(citizen.AccountId, null, userId);
        await citizen.DeclareAsync();
        await citizen.DeclareAsync(temperature: 38.2m);
        await DeliveriesEndedAsync(citizen);

        var message = Assert.Single((await SimulatorAsync($"/simulator/alipay/simulator/template-messages?to_user_id={userId}")).EnumerateArray());
        Assert.Equal("tmpl-alipay-color", message.GetProperty("userTemplateId").GetString());
        using var data = JsonDocument.Parse(message.GetProperty("dataJson").GetString()!);
        Assert.Equal("健康码颜色变更", data.RootElement.GetProperty("keyword1").GetProperty("value").GetString());
        await AssertInboxHasColorChangeAsync(citizen);
    }

    [Fact]
    public async Task A_refused_platform_message_still_leaves_the_inbox_notice()
    {
        var citizen = await _factory.CitizenAsync("周九");
        var openId = "sim-refused-" + citizen.AccountId; // the simulator answers 43101
        await SetPlatformIdsAsync(citizen.AccountId, openId, null);
        await citizen.DeclareAsync();
        await citizen.DeclareAsync(temperature: 38.2m);

        // A refusal is final: failed after one attempt, never retried; the Alipay delivery (no user id) is sent to nobody.
        Assert.Equal([NoticeDeliveryStatus.Failed, NoticeDeliveryStatus.Sent], await DeliveriesEndedAsync(citizen));
        var failed = await _factory.QueryAsync(db => db.Set<NoticeDelivery>().SingleAsync(d => d.Channel == "wechat" && d.Notice!.PersonId == citizen.PersonId));
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("wechat.subscribe_refused", failed.LastError);
        Assert.Empty((await SimulatorAsync($"/simulator/wechat/simulator/subscribe-messages?openid={openId}")).EnumerateArray());
        await AssertInboxHasColorChangeAsync(citizen);
    }

    [Fact]
    public async Task Accounts_without_a_platform_id_get_the_inbox_notice_only()
    {
        var citizen = await _factory.CitizenAsync("吴十");
        await citizen.DeclareAsync();
        await citizen.DeclareAsync(temperature: 38.2m);
        await AssertInboxHasColorChangeAsync(citizen);
    }

    private async Task SetPlatformIdsAsync(long accountId, string? openId, string? alipayUserId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var account = await db.Set<Account>().SingleAsync(a => a.Id == accountId);
        account.WeChatOpenId = openId;
        account.AlipayUserId = alipayUserId;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Waits (bounded) until the delivery worker has ended every delivery of the person's notices, then returns their
    /// statuses by channel name (alipay, wechat).
    /// </summary>
    private async Task<List<NoticeDeliveryStatus>> DeliveriesEndedAsync(TestUser citizen)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var rows = await _factory.QueryAsync(db => db.Set<NoticeDelivery>().AsNoTracking().Where(d => d.Notice!.PersonId == citizen.PersonId)
                .OrderBy(d => d.Channel).Select(d => d.Status).ToListAsync());
            if (rows.Count > 0 && rows.All(r => r != NoticeDeliveryStatus.Pending)) return rows.AsEnumerable().Reverse().ToList();
            Assert.True(DateTime.UtcNow < deadline, "deliveries still pending: " + string.Join(',', rows));
            await Task.Delay(50);
        }
    }

    private async Task<JsonElement> SimulatorAsync(string path) =>
        await _factory.CreateClient().GetFromJsonAsync<JsonElement>(path);

    private static async Task AssertInboxHasColorChangeAsync(TestUser citizen)
    {
        var inbox = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/notices"));
        var notice = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal("color_changed", notice.GetProperty("kind").GetString());
        Assert.Contains("黄码", notice.GetProperty("body").GetString());
        Assert.Equal(1, inbox.GetProperty("unreadCount").GetInt32());
    }
}
