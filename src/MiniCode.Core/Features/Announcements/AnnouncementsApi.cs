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

    private static async Task<Ok<IReadOnlyList<AnnouncementDto>>> ListAnnouncements(
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

    /// <summary>For each kind, the link of the most specific region that configures it (a district overrides its province).</summary>
    private static async Task<Ok<IReadOnlyList<ServiceLinkDto>>> ListServiceLinks([AsParameters] RegionQuery query, MiniCodeDbContext db, CancellationToken ct)
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
