using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MiniCode.Admin.Areas.Admin.Pages.Appeals;
using MiniCode.Admin.Security;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.People;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Admin.Areas.Admin.Pages.Overrides;

/// <summary>
/// 人工赋码审批: pending override requests to approve (by a staff member other than the requester, which the service
/// enforces) or reject, and approved overrides that can be ended early. Only overrides of people whose household region
/// lies within the staff member's jurisdiction are listed; acting on another answers 404, as if it did not exist.
/// An override may also be requested here by resident ID number (without an appeal), for a person within the jurisdiction.
/// </summary>
[RequirePermission(Permissions.OverrideApprove)]
public sealed class IndexModel(OverrideService overrides, PersonalDataProtector protector, IOptions<AdminOptions> options,
    IOptions<ColorRulesOptions> rules) : RegionalPageModel
{
    public IReadOnlyList<ColorOverride> Pending { get; private set; } = [];
    public IReadOnlyList<ColorOverride> Active { get; private set; } = [];
    public IReadOnlyDictionary<long, PersonLabel> People { get; private set; } = new Dictionary<long, PersonLabel>();
    private IReadOnlyDictionary<string, string> _staff = new Dictionary<string, string>();

    public string StaffName(string? actor) => actor is null ? "" : _staff.GetValueOrDefault(actor, actor);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) =>
        DecideAsync(id, () => overrides.ApproveAsync(id, Current.Actor, ct), "人工赋码已生效", ct);

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct) =>
        DecideAsync(id, () => overrides.RejectAsync(id, Current.Actor, ct), "人工赋码申请已驳回", ct);

    public Task<IActionResult> OnPostEndAsync(long id, CancellationToken ct) =>
        DecideAsync(id, () => overrides.EndAsync(id, Current.Actor, ct), "人工赋码已结束，恢复按规则计算的颜色", ct);

    /// <summary>
    /// Requests an override for the person with this resident ID number. A number that is unknown or belongs to a person
    /// outside the jurisdiction gets the same refusal, so the form does not reveal who is registered elsewhere.
    /// </summary>
    public async Task<IActionResult> OnPostRequestAsync(string? idNumber, HealthColor color, string? reasonCode, string? note, DateTime? endsAt, CancellationToken ct)
    {
        var number = idNumber?.Trim().ToUpperInvariant();
        var validator = new InputValidator().Required(number, "idNumber", "身份证号", 18).Check(Enum.IsDefined(color), "color", "颜色无效");
        if (!Accept(validator))
        {
            await LoadAsync(ct);
            return Page();
        }
        var index = protector.BlindIndex($"{DocumentType.ResidentId}:{number}");
        var personId = await Within.People.AsNoTracking().Where(p => p.DocumentIndex == index).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        if (personId is null)
        {
            ModelState.AddModelError("idNumber", Jurisdiction is null ? "未找到该身份证号的人员" : $"未找到该身份证号的人员，或其户籍地不在本辖区（{Jurisdiction}）内");
            await LoadAsync(ct);
            return Page();
        }
        DateTimeOffset? ends = endsAt is { } local ? Calendar.FromLocal(local) : null;
        try
        {
            await overrides.RequestAsync(Current.Actor, new OverrideRequest(personId.Value, color, reasonCode, note, null, ends), ct);
        }
        catch (ApiException ex)
        {
            Refused(ex);
            await LoadAsync(ct);
            return Page();
        }
        Flash("人工赋码申请已提交，待另一名工作人员复核");
        return Redirect("/admin/overrides");
    }

    public IReadOnlyDictionary<string, string> Reasons => rules.Value.OverrideReasons;

    public string ReasonText(string code) => rules.Value.OverrideReasons.GetValueOrDefault(code, code);

    public string Local(DateTimeOffset? at) =>
        at is { } t ? Calendar.Format(t, "yyyy-MM-dd HH:mm") : "—";

    private async Task<IActionResult> DecideAsync(long id, Func<Task<OverrideView>> decide, string done, CancellationToken ct)
    {
        if (!await Within.Overrides.AnyAsync(o => o.Id == id, ct)) return NotFound();
        try
        {
            await decide();
        }
        catch (ApiException ex)
        {
            Refused(ex);
            await LoadAsync(ct);
            return Page();
        }
        Flash(done);
        return Redirect("/admin/overrides");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var size = options.Value.PageSize;
        Pending = await Within.Overrides.AsNoTracking().Where(o => o.Status == OverrideStatus.Pending).OrderBy(o => o.Id).Take(size).ToListAsync(ct);
        Active = await Within.Overrides.AsNoTracking().Where(o => o.Status == OverrideStatus.Approved).OrderByDescending(o => o.Id).Take(size).ToListAsync(ct);
        People = await AppealPeople.LoadAsync(Within, Db, Pending.Concat(Active).Select(o => o.PersonId), ct);
        _staff = await ActorNamesAsync(Pending.Concat(Active).SelectMany(o => new[] { o.RequestedBy, o.DecidedBy }), ct);
    }
}
