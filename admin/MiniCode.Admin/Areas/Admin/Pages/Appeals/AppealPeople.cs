using MiniCode.Admin.Regional;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Admin.Areas.Admin.Pages.Appeals;

/// <summary>What a reviewer may see of a citizen: masked name and document, and the current colour.</summary>
public sealed record PersonLabel(string MaskedName, string MaskedDocument, HealthColor Color);

public static class AppealPeople
{
    /// <summary>Labels of the people among <paramref name="personIds"/> who lie within the jurisdiction.</summary>
    public static async Task<IReadOnlyDictionary<long, PersonLabel>> LoadAsync(JurisdictionScope within, MiniCodeDbContext db, IEnumerable<long> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        var people = await within.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.DocumentMasked }).ToListAsync(ct);
        var colors = await db.Set<HealthStatus>().AsNoTracking().Where(s => ids.Contains(s.PersonId))
            .ToDictionaryAsync(s => s.PersonId, s => s.Color, ct);
        return people.ToDictionary(p => p.Id,
            p => new PersonLabel(SensitiveDataMasker.MaskName(p.Name), p.DocumentMasked, colors.GetValueOrDefault(p.Id, HealthColor.Green)));
    }

    public static string ColorClass(HealthColor color) => "code-" + color.WireName();
}

public static class OverrideLabels
{
    public static string Status(OverrideStatus status) => status switch
    {
        OverrideStatus.Pending => "待复核",
        OverrideStatus.Approved => "已生效",
        OverrideStatus.Rejected => "已驳回",
        _ => "已结束",
    };
}
