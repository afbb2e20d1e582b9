using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Announcements;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Announcements;

/// <summary>
/// 服务链接 per region. Staff of an organisation see, add, toggle and delete only links within their jurisdiction
/// (404 for another; adding one for a region outside it is refused on the form).
/// </summary>
[RequirePermission(Permissions.Announcements)]
public sealed partial class LinksModel : RegionalPageModel
{
    public IReadOnlyList<ServiceLink> Links { get; private set; } = [];

    [GeneratedRegex(@"^(https://[^\s]+|wx[0-9a-f]{16}:[^\s]+|[0-9]{16}:[^\s]+)$")]
    private static partial Regex TargetPattern();

    public async Task OnGetAsync(CancellationToken ct) => Links = await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? regionCode, ServiceLinkKind kind, string? title, string? target, int sortOrder, CancellationToken ct)
    {
        target = target?.Trim();
        var validator = new InputValidator().Check(RegionCodes.IsValid(regionCode), "regionCode", "地区编码应为6位数字")
            .Check(Enum.IsDefined(kind), "kind", "类型无效").Required(title?.Trim(), "title", "名称", 50).Required(target, "target", "链接", 500)
            .Check(target is null || TargetPattern().IsMatch(target), "target", "链接应为 https 地址或 小程序appid:页面路径")
            .Check(sortOrder is >= 0 and <= 999, "sortOrder", "排序应在0到999之间");
        if (!Accept(CheckInside(validator, regionCode, "regionCode")))
        {
            Links = await LoadAsync(ct);
            return Page();
        }
        var link = new ServiceLink { RegionCode = regionCode!, Kind = kind, Title = title!.Trim(), Target = target!, SortOrder = sortOrder, Enabled = true };
        Db.Add(link);
        await Audit.RecordCreatedAsync("service_link.create", "service_link", link, l => l.Id, link.Snapshot(), ct);
        Flash("服务链接已添加");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(long id, CancellationToken ct)
    {
        var link = await Within.ServiceLinks.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (link is null) return NotFound();
        var before = link.Snapshot();
        link.Enabled = !link.Enabled;
        await Audit.RecordAsync("service_link.update", "service_link", id, before, link.Snapshot(), ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var link = await Within.ServiceLinks.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (link is null) return NotFound();
        Db.Remove(link);
        await Audit.RecordAsync("service_link.delete", "service_link", id, link.Snapshot(), ct: ct);
        Flash("服务链接已删除");
        return RedirectToPage();
    }

    private Task<List<ServiceLink>> LoadAsync(CancellationToken ct) =>
        Within.ServiceLinks.AsNoTracking().OrderBy(l => l.RegionCode).ThenBy(l => l.SortOrder).ThenBy(l => l.Id).ToListAsync(ct);
}
