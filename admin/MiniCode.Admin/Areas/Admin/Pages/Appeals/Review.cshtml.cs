using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MiniCode.Admin.Security;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Appeals;

/// <summary>
/// Reviewing one appeal: close it (upheld or rejected, with a resolution the citizen is sent) and, when the colour is
/// wrong, request a manual override citing a rule reason code; a second staff member approves it on the overrides page.
/// An appeal of a person outside the staff member's jurisdiction answers 404 on every handler, as if it did not exist.
/// </summary>
[RequirePermission(Permissions.AppealsReview)]
public sealed class ReviewModel(AppealService appeals, OverrideService overrides, IOptions<ColorRulesOptions> rules)
    : RegionalPageModel
{
    public Appeal Item { get; private set; } = null!;
    public PersonLabel? Person { get; private set; }
    public IReadOnlyList<ColorOverride> Overrides { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Reasons => rules.Value.OverrideReasons;
    private IReadOnlyDictionary<string, string> _staff = new Dictionary<string, string>();

    public string StaffName(string? actor) => actor is null ? "" : _staff.GetValueOrDefault(actor, actor);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostResolveAsync(long id, bool upheld, string? resolution, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            await appeals.ResolveAsync(id, Current.Actor, upheld, resolution ?? "", ct);
        }
        catch (ApiException ex)
        {
            Refused(ex);
            return Page();
        }
        Flash(upheld ? "申诉已办结（属实）" : "申诉已驳回");
        return Redirect("/admin/appeals");
    }

    public async Task<IActionResult> OnPostOverrideAsync(long id, HealthColor color, string? reasonCode, string? note, DateTime? endsAt, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Enum.IsDefined(color)) ModelState.AddModelError("color", "颜色无效");
        if (!ModelState.IsValid) return Page();
        DateTimeOffset? ends = endsAt is { } local ? Calendar.FromLocal(local) : null;
        try
        {
            await overrides.RequestAsync(Current.Actor, new OverrideRequest(Item.PersonId, color, reasonCode, note, id, ends), ct);
        }
        catch (ApiException ex)
        {
            Refused(ex);
            return Page();
        }
        Flash("人工赋码申请已提交，待另一名工作人员复核");
        return Redirect($"/admin/appeals/review?id={id}");
    }

    public string Local(DateTimeOffset? at) =>
        at is { } t ? Calendar.Format(t, "yyyy-MM-dd HH:mm") : "—";

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var item = await Within.Appeals.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (item is null) return false;
        Item = item;
        Person = (await AppealPeople.LoadAsync(Within, Db, [item.PersonId], ct)).GetValueOrDefault(item.PersonId);
        Overrides = await Within.Overrides.AsNoTracking().Where(o => o.PersonId == item.PersonId).OrderByDescending(o => o.Id).Take(20).ToListAsync(ct);
        _staff = await ActorNamesAsync(Overrides.SelectMany(o => new[] { o.RequestedBy, o.DecidedBy }).Append(item.ResolvedBy), ct);
        return true;
    }
}
