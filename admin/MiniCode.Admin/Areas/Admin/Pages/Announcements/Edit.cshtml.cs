using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Announcements;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Announcements;

/// <summary>
/// Writing or changing one announcement. Times are entered in the admin's local time zone (the TimeProvider's,
/// Asia/Shanghai) and stored in UTC. Staff of an organisation edit only announcements within their jurisdiction (404
/// otherwise) and set only regions within it.
/// </summary>
[RequirePermission(Permissions.Announcements)]
public sealed class EditModel(TimeProvider time) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public DateTime? PublishFrom { get; set; }
    [BindProperty] public DateTime? PublishUntil { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            PublishFrom = ToLocal(time.GetUtcNow());
            RegionCode = Jurisdiction; // a new item starts at the jurisdiction's own region
            return Page();
        }
        var a = await Within.Announcements.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct);
        if (a is null) return NotFound();
        (Title, Body, RegionCode, PublishFrom, PublishUntil) = (a.Title, a.Body, a.RegionCode, ToLocal(a.PublishFrom), a.PublishUntil is { } u ? ToLocal(u) : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var validator = new InputValidator().Required(Title?.Trim(), nameof(Title), "标题", 100).Required(Body?.Trim(), nameof(Body), "正文", 10000)
            .Check(RegionCodes.IsValid(RegionCode), nameof(RegionCode), "地区编码应为6位数字")
            .Check(PublishFrom is not null, nameof(PublishFrom), "请填写发布时间")
            .Check(PublishFrom is null || PublishUntil is null || PublishUntil > PublishFrom, nameof(PublishUntil), "下线时间应晚于发布时间");
        var item = Id is null ? new Announcement { CreatedAt = time.GetUtcNow() }
            : await Within.Announcements.SingleOrDefaultAsync(x => x.Id == Id, ct);
        if (item is null) return NotFound();
        if (!Accept(CheckInside(validator, RegionCode, nameof(RegionCode)))) return Page();

        var before = Id is null ? null : item.Snapshot();
        (item.Title, item.Body, item.RegionCode, item.PublishFrom, item.PublishUntil) =
            (Title!.Trim(), Body!.Trim(), RegionCode!, ToUtc(PublishFrom!.Value), PublishUntil is { } u ? ToUtc(u) : null);
        if (Id is null)
        {
            Db.Add(item);
            await Audit.RecordCreatedAsync("announcement.create", "announcement", item, a => a.Id, item.Snapshot(), ct);
        }
        else await Audit.RecordAsync("announcement.update", "announcement", item.Id, before, item.Snapshot(), ct);
        Flash("资讯已保存");
        return Redirect("/admin/announcements");
    }

    private DateTime ToLocal(DateTimeOffset at) => DateTime.SpecifyKind(Calendar.ToLocal(at).DateTime, DateTimeKind.Unspecified);

    private DateTimeOffset ToUtc(DateTime local) => Calendar.FromLocal(local);
}
