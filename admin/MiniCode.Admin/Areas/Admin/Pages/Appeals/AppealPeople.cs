using MiniCode.Data;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Admin.Areas.Admin.Pages.Appeals;

/// <summary>What a reviewer may see of a citizen: masked name and document, and the current colour.</summary>
public sealed record PersonLabel(string MaskedName, string MaskedDocument, HealthColor Color);

public static class AppealPeople
{
    public static async Task<IReadOnlyDictionary<long, PersonLabel>> LoadAsync(MiniCodeDbContext db, IEnumerable<long> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        var people = await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.DocumentMasked }).ToListAsync(ct);
        var colors = await db.Set<HealthStatus>().AsNoTracking().Where(s => ids.Contains(s.PersonId))
            .ToDictionaryAsync(s => s.PersonId, s => s.Color, ct);
        return people.ToDictionary(p => p.Id,
            p => new PersonLabel(SensitiveDataMasker.MaskName(p.Name), p.DocumentMasked, colors.GetValueOrDefault(p.Id, HealthColor.Green)));
    }

    public static string ColorClass(HealthColor color) => "code-" + color.ToString().ToLowerInvariant();
}

public static class OverrideLabels
{
    public static string Status(MiniCode.Features.HealthCodes.Appeals.OverrideStatus status) => status switch
    {
        MiniCode.Features.HealthCodes.Appeals.OverrideStatus.Pending => "待复核",
        MiniCode.Features.HealthCodes.Appeals.OverrideStatus.Approved => "已生效",
        MiniCode.Features.HealthCodes.Appeals.OverrideStatus.Rejected => "已驳回",
        _ => "已结束",
    };
}

/// <summary>Staff actors ("staff:7") shown as "name（username）".</summary>
public static class StaffNames
{
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(MiniCodeDbContext db, IEnumerable<string?> actors, CancellationToken ct)
    {
        var ids = actors.Select(a => a is not null && a.StartsWith("staff:", StringComparison.Ordinal)
                && long.TryParse(a.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>().Distinct().ToList();
        return await db.Set<MiniCode.Features.Staff.StaffMember>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => "staff:" + s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s => $"{s.Name}（{s.Username}）", ct);
    }
}
