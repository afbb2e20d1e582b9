using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using MiniCode.Admin.Regional;
using MiniCode.Data;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin;

/// <summary>
/// The base of every admin page that reads regional data. The staff member's jurisdiction is resolved once per request,
/// before any handler runs, and regional rows are reachable only through <see cref="Within"/>, already scoped: a page
/// cannot forget the filter. A row outside the jurisdiction is treated as missing (404), never as forbidden, so its
/// existence is not revealed. AdminPageConventionsTests fail for a page that reads regional tables any other way.
/// </summary>
public abstract class RegionalPageModel : AdminPageModel
{
    private JurisdictionScope? _within;
    private MiniCodeDbContext? _db;

    /// <summary>The unit of work: non-regional tables (by id, from rows found through <see cref="Within"/>) and saving.</summary>
    protected MiniCodeDbContext Db => _db ??= HttpContext.RequestServices.GetRequiredService<MiniCodeDbContext>();

    /// <summary>The regional tables, scoped to the jurisdiction.</summary>
    protected JurisdictionScope Within => _within ?? throw new InvalidOperationException("the jurisdiction is resolved before the page handler runs");

    /// <summary>The region the staff member may see; null = every region (staff without an organisation).</summary>
    public string? Jurisdiction => Within.Jurisdiction;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        _within = new JurisdictionScope(Db, await Current.JurisdictionAsync(HttpContext.RequestAborted));
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    /// <summary>True when content may be set for <paramref name="region"/>: it lies within the jurisdiction.</summary>
    protected bool MayTarget(string? region) => RegionCodes.MayTarget(Jurisdiction, region);

    /// <summary>The refusal for a region outside the jurisdiction: "地区必须在本辖区（220100）内" (<paramref name="what"/> names the thing).</summary>
    protected string OutsideMessage(string what = "地区") => $"{what}必须在本辖区（{Jurisdiction}）内";

    /// <summary>Refuses a valid region code outside the jurisdiction (an invalid one has its own message).</summary>
    protected InputValidator CheckInside(InputValidator validator, string? region, string field, string what = "地区") =>
        RegionCodes.IsValid(region) ? validator.Check(MayTarget(region), field, OutsideMessage(what)) : validator;

    /// <summary>
    /// Every row of a table, regional or not, for the rare question that must span the platform (is a username taken?).
    /// The reason is for the reader and the reviewer; keep such reads to yes/no answers and display names.
    /// </summary>
    protected IQueryable<T> AcrossAllRegions<T>(string reason) where T : class =>
        string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("say why the whole platform is read", nameof(reason)) : Db.Set<T>();

    /// <summary>
    /// Staff actors ("staff:7") shown as "name（username）". Names are read platform-wide on purpose: who acted on a row
    /// of the jurisdiction is shown even when that staff member (e.g. a province reviewer) is outside it.
    /// </summary>
    protected async Task<IReadOnlyDictionary<string, string>> ActorNamesAsync(IEnumerable<string?> actors, CancellationToken ct)
    {
        var ids = actors.Select(a => a is not null && a.StartsWith("staff:", StringComparison.Ordinal)
                && long.TryParse(a.AsSpan(6), CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>().Distinct().ToList();
        return await AcrossAllRegions<StaffMember>("names of the staff who acted").AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => "staff:" + s.Id.ToString(CultureInfo.InvariantCulture), s => $"{s.Name}（{s.Username}）", ct);
    }
}
