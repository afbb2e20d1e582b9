using System.Linq.Expressions;
using System.Reflection;
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
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    /// <summary>Holds the prefix so EF Core sends it as a query parameter, not as a literal in the SQL text.</summary>
    private sealed record PrefixParameter(string Value);

    /// <summary>
    /// Rows whose region (picked by <paramref name="region"/>) lies within <paramref name="scope"/>: the scope itself or
    /// below it. A null scope keeps every row; a row without a region lies within no scope.
    /// </summary>
    public static IQueryable<T> WithinRegion<T>(this IQueryable<T> rows, Expression<Func<T, string?>> region, string? scope)
    {
        if (scope is null) return rows;
        var prefix = Expression.Property(Expression.Constant(new PrefixParameter(RegionCodes.Prefix(scope))), nameof(PrefixParameter.Value));
        var body = Expression.AndAlso(Expression.NotEqual(region.Body, Expression.Constant(null, typeof(string))),
            Expression.Call(region.Body, StartsWith, prefix));
        return rows.Where(Expression.Lambda<Func<T, bool>>(body, region.Parameters));
    }

    /// <summary>Sites whose region lies within <paramref name="scope"/>; null scope = all sites.</summary>
    public static IQueryable<Site> WithinJurisdiction(this IQueryable<Site> sites, string? scope) => sites.WithinRegion(s => s.RegionCode, scope);

    /// <summary>Organisations whose region lies within <paramref name="scope"/>; null scope = all organisations.</summary>
    public static IQueryable<Organisation> WithinJurisdiction(this IQueryable<Organisation> organisations, string? scope) =>
        organisations.WithinRegion(o => o.RegionCode, scope);

    /// <summary>
    /// Staff whose organisation's region lies within <paramref name="scope"/>; null scope = all staff. Staff without an
    /// organisation (the super-admin and their peers) lie within no region, so only unscoped staff see them.
    /// </summary>
    public static IQueryable<StaffMember> WithinJurisdiction(this IQueryable<StaffMember> staff, string? scope) =>
        staff.WithinRegion(s => s.Organisation!.RegionCode, scope);
}
