using MiniCode.Features.Staff;

namespace MiniCode.Features.Organisations;

/// <summary>
/// 6-digit administrative region codes (GB/T 2260): <c>220000</c> province, <c>220100</c> city, <c>220102</c> district.
/// A code covers every code that starts with its significant prefix, so content set for a province reaches its districts.
/// </summary>
public static class RegionCodes
{
    public static bool IsValid(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit) && code[..2] != "00";

    /// <summary>The code without its trailing "00" pairs: 220000 → "22", 220100 → "2201", 220102 → "220102".</summary>
    public static string Prefix(string code)
    {
        var prefix = code;
        while (prefix.Length > 2 && prefix.EndsWith("00", StringComparison.Ordinal)) prefix = prefix[..^2];
        return prefix;
    }

    /// <summary>True when <paramref name="scope"/> is <paramref name="region"/> itself or one of its ancestors.</summary>
    public static bool Covers(string scope, string region) => region.StartsWith(Prefix(scope), StringComparison.Ordinal);

    /// <summary>The region and its ancestors, most specific first: 220102 → 220102, 220100, 220000.</summary>
    public static IReadOnlyList<string> SelfAndAncestors(string region)
    {
        if (!IsValid(region)) return [];
        var list = new List<string> { region };
        if (region[4..] != "00") list.Add(region[..4] + "00");
        if (region[2..] != "0000") list.Add(region[..2] + "0000");
        return list;
    }
}

/// <summary>Jurisdiction filters written so the database does the matching (a LIKE 'prefix%' on an indexed column).</summary>
public static class JurisdictionQueries
{
    /// <summary>Sites whose region lies within <paramref name="scope"/> (the scope itself or below it); null scope = all sites.</summary>
    public static IQueryable<Site> WithinJurisdiction(this IQueryable<Site> sites, string? scope)
    {
        if (scope is null) return sites;
        var prefix = RegionCodes.Prefix(scope);
        return sites.Where(s => s.RegionCode.StartsWith(prefix));
    }

    /// <summary>Organisations whose region lies within <paramref name="scope"/>; null scope = all organisations.</summary>
    public static IQueryable<Organisation> WithinJurisdiction(this IQueryable<Organisation> organisations, string? scope)
    {
        if (scope is null) return organisations;
        var prefix = RegionCodes.Prefix(scope);
        return organisations.Where(o => o.RegionCode.StartsWith(prefix));
    }

    /// <summary>
    /// Staff whose organisation's region lies within <paramref name="scope"/>; null scope = all staff. Staff without an
    /// organisation (the super-admin and their peers) lie within no region, so only unscoped staff see them.
    /// </summary>
    public static IQueryable<StaffMember> WithinJurisdiction(this IQueryable<StaffMember> staff, string? scope)
    {
        if (scope is null) return staff;
        var prefix = RegionCodes.Prefix(scope);
        return staff.Where(s => s.Organisation != null && s.Organisation.RegionCode.StartsWith(prefix));
    }
}
