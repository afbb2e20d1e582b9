using MiniCode.Features.Announcements;
using MiniCode.Features.Feedback;
using MiniCode.Features.Forms;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.Organisations;
using MiniCode.Features.People;

namespace MiniCode.Admin.Security;

/// <summary>
/// Jurisdiction filters for the regional admin areas (appeals, overrides, feedback, announcements, service links, forms),
/// built on <see cref="JurisdictionQueries.WithinRegion"/> so the database does the prefix match. A null scope (staff without an
/// organisation) sees everything; rows without a region lie within no jurisdiction, so only unscoped staff see them.
/// </summary>
public static class RegionalScopes
{
    /// <summary>People registered (household region) within the scope.</summary>
    public static IQueryable<Person> WithinJurisdiction(this IQueryable<Person> people, string? scope) => people.WithinRegion(p => p.RegionCode, scope);

    /// <summary>Appeals of people within the scope.</summary>
    public static IQueryable<Appeal> WithinJurisdiction(this IQueryable<Appeal> appeals, IQueryable<Person> people, string? scope)
    {
        if (scope is null) return appeals;
        var inside = people.WithinJurisdiction(scope);
        return appeals.Where(a => inside.Any(p => p.Id == a.PersonId));
    }

    /// <summary>Overrides of people within the scope.</summary>
    public static IQueryable<ColorOverride> WithinJurisdiction(this IQueryable<ColorOverride> overrides, IQueryable<Person> people, string? scope)
    {
        if (scope is null) return overrides;
        var inside = people.WithinJurisdiction(scope);
        return overrides.Where(o => inside.Any(p => p.Id == o.PersonId));
    }

    /// <summary>Feedback entries submitted for a region within the scope.</summary>
    public static IQueryable<FeedbackEntry> WithinJurisdiction(this IQueryable<FeedbackEntry> entries, string? scope) =>
        entries.WithinRegion(f => f.RegionCode, scope);

    public static IQueryable<Announcement> WithinJurisdiction(this IQueryable<Announcement> items, string? scope) => items.WithinRegion(a => a.RegionCode, scope);

    public static IQueryable<ServiceLink> WithinJurisdiction(this IQueryable<ServiceLink> links, string? scope) => links.WithinRegion(l => l.RegionCode, scope);

    public static IQueryable<CustomForm> WithinJurisdiction(this IQueryable<CustomForm> forms, string? scope) => forms.WithinRegion(f => f.RegionCode, scope);

    /// <summary>True when content for <paramref name="region"/> may be created or moved there by staff of <paramref name="scope"/>.</summary>
    public static bool MayTarget(string? scope, string? region) => scope is null || (region is not null && RegionCodes.Covers(scope, region));

    /// <summary>The model error shown when content is set for a region outside the jurisdiction.</summary>
    public static string OutsideMessage(string scope) => $"地区必须在本辖区（{scope}）内";
}
