using MiniCode.Data;
using System.ComponentModel.DataAnnotations;
using MiniCode.Features.Organisations;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Announcements;

public sealed record AnnouncementDto(long Id, string Title, string Body, string RegionCode, DateTimeOffset PublishFrom, DateTimeOffset? PublishUntil);
public sealed record ServiceLinkDto(string Kind, string Title, string Target, string RegionCode);

/// <summary>The mini program's home content: current announcements and service links of the user's region. Public.</summary>
public static class AnnouncementsApi
{
    public static IEndpointRouteBuilder MapAnnouncementsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/home").AllowAnonymous().RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Home content");
        group.MapGet("/announcements", ListAnnouncements);
        group.MapGet("/service-links", ListServiceLinks);
        return app;
    }

    /// <summary>首页资讯</summary>
    /// <remarks>正在发布期内的公告（发布时间到截止时间之间），新的在前；<c>region</c>（6 位地区码）时只含该地区及其上级地区的公告。无需登录。</remarks>
    internal static async Task<Ok<IReadOnlyList<AnnouncementDto>>> ListAnnouncements(
        [AsParameters] RegionQuery query, MiniCodeDbContext db, TimeProvider time, IOptions<AnnouncementOptions> options, CancellationToken ct)
    {
        var region = query.Region!;
        var now = time.GetUtcNow();
        var current = await db.Set<Announcement>().AsNoTracking()
            .Where(a => a.PublishFrom <= now && (a.PublishUntil == null || a.PublishUntil > now))
            .OrderByDescending(a => a.PublishFrom).ToListAsync(ct);
        IReadOnlyList<AnnouncementDto> list = current.Where(a => RegionCodes.Covers(a.RegionCode, region)).Take(options.Value.HomeLimit)
            .Select(a => new AnnouncementDto(a.Id, a.Title, a.Body, a.RegionCode, a.PublishFrom, a.PublishUntil)).ToList();
        return TypedResults.Ok(list);
    }

    /// <summary>首页便民服务入口</summary>
    /// <remarks>已启用的服务链接（行程卡、采样点、疫苗接种、医保等），按排序；<c>region</c> 时只含该地区及其上级地区的链接。<c>target</c> 为 https 地址或“appid:路径”形式的小程序页面。无需登录。</remarks>
    // For each kind, the link of the most specific region that configures it (a district overrides its province).
    internal static async Task<Ok<IReadOnlyList<ServiceLinkDto>>> ListServiceLinks([AsParameters] RegionQuery query, MiniCodeDbContext db, CancellationToken ct)
    {
        var scopes = RegionCodes.SelfAndAncestors(query.Region!);
        var links = await db.Set<ServiceLink>().AsNoTracking().Where(l => l.Enabled && scopes.Contains(l.RegionCode)).ToListAsync(ct);
        IReadOnlyList<ServiceLinkDto> list = links
            .GroupBy(l => l.Kind == ServiceLinkKind.Other ? l.Kind + ":" + l.Title : l.Kind.ToString())
            .Select(g => g.OrderByDescending(l => RegionCodes.Prefix(l.RegionCode).Length).First())
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(l => new ServiceLinkDto(l.Kind.ToString(), l.Title, l.Target, l.RegionCode)).ToList();
        return TypedResults.Ok(list);
    }
}
