using System.Linq.Expressions;
using System.Reflection;

namespace MiniCode.Features.Organisations;

/// <summary>
/// 6-digit administrative region codes (GB/T 2260): <c>220000</c> province, <c>220100</c> city, <c>220102</c> district.
/// A code covers every code that starts with its significant prefix, so content set for a province reaches its districts.
/// The one home of region logic: in memory (<see cref="Covers"/>) and in the database (<see cref="WithinRegion"/>).
/// </summary>
public static class RegionCodes
{
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    /// <summary>Holds the prefix so EF Core sends it as a query parameter, not as a literal in the SQL text.</summary>
    private sealed record PrefixParameter(string Value);

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

    /// <summary>True when staff of <paramref name="scope"/> (null = every region) may set content for <paramref name="region"/>.</summary>
    public static bool MayTarget(string? scope, string? region) => scope is null || (region is not null && Covers(scope, region));

    /// <summary>
    /// Rows whose region (picked by <paramref name="region"/>) lies within <paramref name="scope"/>: the scope itself or
    /// below it, matched by the database (a LIKE 'prefix%' on an indexed column). A null scope keeps every row; a row
    /// without a region lies within no scope.
    /// </summary>
    public static IQueryable<T> WithinRegion<T>(this IQueryable<T> rows, Expression<Func<T, string?>> region, string? scope)
    {
        if (scope is null) return rows;
        var prefix = Expression.Property(Expression.Constant(new PrefixParameter(Prefix(scope))), nameof(PrefixParameter.Value));
        var body = Expression.AndAlso(Expression.NotEqual(region.Body, Expression.Constant(null, typeof(string))),
            Expression.Call(region.Body, StartsWith, prefix));
        return rows.Where(Expression.Lambda<Func<T, bool>>(body, region.Parameters));
    }
}
