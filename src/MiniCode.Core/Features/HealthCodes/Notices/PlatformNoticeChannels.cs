using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.WeChat;

namespace MiniCode.Features.HealthCodes.Notices;

/// <summary>Platform ids of the active accounts that stand on a person.</summary>
internal static class NoticeRecipients
{
    public static async Task<List<T>> OfAsync<T>(IServiceProvider services, long personId,
        System.Linq.Expressions.Expression<Func<Account, bool>> has, System.Linq.Expressions.Expression<Func<Account, T>> id, CancellationToken ct)
    {
        var db = services.GetRequiredService<MiniCodeDbContext>();
        return await db.Set<Account>().AsNoTracking()
            .Where(a => a.PersonId == personId && a.Status == AccountStatus.Active).Where(has).Select(id).Distinct().ToListAsync(ct);
    }
}

/// <summary>订阅消息 to the WeChat openid of every account of the person; accounts without one are skipped.</summary>
public sealed class WeChatNoticeChannel(IServiceScopeFactory scopes, IOptionsMonitor<NoticePlatformOptions> options) : INoticeChannel
{
    public string Name => "wechat";
    public bool Deferred => true;

    public async Task SendAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        var template = options.CurrentValue.WeChat;
        if (template.TemplateId.Length == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var openIds = await NoticeRecipients.OfAsync(scope.ServiceProvider, message.PersonId, a => a.WeChatOpenId != null, a => a.WeChatOpenId!, cancellationToken);
        var client = scope.ServiceProvider.GetRequiredService<IWeChatSubscribeMessageClient>();
        foreach (var openId in openIds)
            await client.SendAsync(new SubscribeMessage(openId, template.TemplateId, template.DataFor(message, scope.ServiceProvider.GetRequiredService<BusinessCalendar>()), template.Page), cancellationToken);
    }
}

/// <summary>Mini-program template message to the Alipay user id of every account of the person; accounts without one are skipped.</summary>
public sealed class AlipayNoticeChannel(IServiceScopeFactory scopes, IOptionsMonitor<NoticePlatformOptions> options) : INoticeChannel
{
    public string Name => "alipay";
    public bool Deferred => true;

    public async Task SendAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        var template = options.CurrentValue.Alipay;
        if (template.TemplateId.Length == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var userIds = await NoticeRecipients.OfAsync(scope.ServiceProvider, message.PersonId, a => a.AlipayUserId != null, a => a.AlipayUserId!, cancellationToken);
        var client = scope.ServiceProvider.GetRequiredService<IAlipayTemplateMessageClient>();
        foreach (var userId in userIds)
            await client.SendTemplateMessageAsync(new AlipayTemplateMessage(userId, template.TemplateId, template.DataFor(message, scope.ServiceProvider.GetRequiredService<BusinessCalendar>()), template.Page), cancellationToken);
    }
}
