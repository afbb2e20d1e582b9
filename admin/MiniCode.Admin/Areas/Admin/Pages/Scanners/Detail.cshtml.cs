using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Scanners;

/// <summary>
/// One scanner account: enable / disable (sessions end at once), reset a forgotten password (the lock is lifted), move
/// to another site of the jurisdiction. Accounts outside the jurisdiction are not found.
/// </summary>
[RequirePermission(Permissions.Staff)]
public sealed class DetailModel(ScannerAdministration admin) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public long? SiteId { get; set; }
    public ScannerProfile Scanner { get; private set; } = null!;
    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct) =>
        ActAsync(() => admin.DisableAsync(Scanner, Current.Actor, ct), "已停用，登录状态已失效", ct);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken ct) =>
        ActAsync(() => admin.EnableAsync(Scanner, Current.Actor, ct), "已启用", ct);

    public Task<IActionResult> OnPostResetPasswordAsync(CancellationToken ct) =>
        ActAsync(() => admin.ResetPasswordAsync(Scanner, NewPassword, Current.Actor, ct), "密码已重置，请将新密码告知本人", ct);

    public Task<IActionResult> OnPostMoveAsync(CancellationToken ct) => ActAsync(async () =>
    {
        // Only sites of the jurisdiction are offered and accepted.
        var site = Sites.FirstOrDefault(s => s.Id == SiteId);
        if (site is null) new InputValidator().Add(nameof(SiteId), "请选择本辖区内的站点").ThrowIfInvalid();
        await admin.MoveAsync(Scanner, site!, Current.Actor, ct);
    }, "已调整所属站点", ct);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        try
        {
            await action();
            Flash($"扫码员“{Scanner.Name}”{done}");
            return Redirect($"/admin/scanners/detail?id={Id}");
        }
        catch (ApiException ex)
        {
            Refused(ex);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scanner = await IndexModel.ScannersWithin(Db, Within).FirstOrDefaultAsync(p => p.AccountId == Id, ct);
        if (scanner is null) return false;
        Scanner = scanner;
        Sites = await Within.Sites.Where(s => s.Status == SiteStatus.Active).OrderBy(s => s.RegionCode).ThenBy(s => s.Name).ToListAsync(ct);
        return true;
    }
}
