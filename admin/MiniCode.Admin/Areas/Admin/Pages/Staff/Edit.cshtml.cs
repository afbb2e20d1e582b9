using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Admin.Areas.Admin.Pages.Staff;

[RequirePermission(Permissions.Staff)]
/// <summary>
/// Status, remarks and password of one staff member; a staff member outside the jurisdiction answers 404. Only someone
/// holding every permission of the target's role may change them (403 otherwise), so nobody takes over a colleague
/// with more rights (such as overrides.approve, defeating the two-person rule) or the super-admin; a password reset
/// also asks for the actor's own password.
/// </summary>
public sealed class EditModel(PasswordHasher hasher, IOptions<AdminOptions> options) : RegionalPageModel
{
    public StaffMember Staff { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(long id, StaffStatus status, string? remarks, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayManage()) return await RefuseAsync("staff.update", id, ct);
        var validator = new InputValidator().Optional(remarks, "Remarks", "备注", 500)
            .Check(!(Staff.Id == Current.Staff?.Id && status != StaffStatus.Active), "Status", "不能停用自己的账号")
            .Check(Enum.IsDefined(status), "Status", "状态无效");
        if (!Accept(validator)) return Page();
        var before = Staff.Snapshot();
        if (Staff.Status != status) Staff.SecurityStamp = StaffLogin.NewSecurityStamp(); // a disabled account's cookies die at once
        Staff.Status = status;
        Staff.Remarks = Pages.Organisations.CreateModel.Blank(remarks);
        await Audit.RecordAsync("staff.update", "staff", id, before, Staff.Snapshot(), ct);
        Flash($"人员“{Staff.Name}”已保存");
        return Redirect($"/admin/staff/edit?id={id}");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(long id, string? newPassword, string? currentPassword, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayManage()) return await RefuseAsync("staff.reset_password", id, ct);
        var min = options.Value.MinPasswordLength;
        var actorHash = Current.Staff!.PasswordHash;
        if (!Accept(new InputValidator()
                .Check(currentPassword is { Length: > 0 } && hasher.Verify(currentPassword, actorHash), "CurrentPassword", "请输入您本人的正确密码")
                .Check(newPassword is { Length: > 0 } p && p.Length >= min && p.Length <= 128, "NewPassword", $"密码长度应为{min}到128位"))) return Page();
        Staff.PasswordHash = hasher.Hash(newPassword!);
        Staff.SecurityStamp = StaffLogin.NewSecurityStamp();
        Staff.FailedLoginCount = 0;
        Staff.LockedUntil = null;
        await Audit.RecordAsync("staff.reset_password", "staff", id, after: new { PasswordReset = true, Unlocked = true }, ct: ct);
        Flash($"人员“{Staff.Name}”的密码已重置");
        return Redirect($"/admin/staff/edit?id={id}");
    }

    /// <summary>The target's permissions are all the actor's own (the super-admin role holds them all, so only its peers qualify).</summary>
    private bool MayManage() => Staff.Id == Current.Staff?.Id || (Staff.Role?.PermissionSet() ?? new HashSet<string>()).IsSubsetOf(Current.Permissions);

    private async Task<IActionResult> RefuseAsync(string action, long id, CancellationToken ct)
    {
        await Audit.RecordAsync(action + "_refused", "staff", id, after: new { Reason = "target has permissions the actor lacks" }, ct: ct);
        return StatusCode(403);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var staff = await Within.Staff.Include(s => s.Organisation).Include(s => s.Site).Include(s => s.Role).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (staff is null) return false;
        Staff = staff;
        return true;
    }
}
