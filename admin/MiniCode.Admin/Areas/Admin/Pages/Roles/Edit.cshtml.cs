using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Roles;

/// <summary>
/// Adds or edits a role (name, permissions, description); the audit log keeps before and after. Roles are global (a
/// change reaches every organisation's staff), so only staff without an organisation (platform-wide) edit them.
/// </summary>
[RequirePermission(Permissions.Roles)]
public sealed class EditModel(MiniCodeDbContext db, TimeProvider time) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Selected { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!RoleEditing.Allowed(Jurisdiction)) return StatusCode(StatusCodes.Status403Forbidden);
        if (Id is null) return Page();
        var role = await db.Set<StaffRole>().FindAsync([Id], ct);
        if (role is null) return NotFound();
        (Name, Description, Selected) = (role.Name, role.Description, role.PermissionSet().ToList());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!RoleEditing.Allowed(Jurisdiction)) return StatusCode(StatusCodes.Status403Forbidden);
        var name = Name?.Trim();
        var validator = new InputValidator().Required(name, nameof(Name), "角色名称", 50).Optional(Description, nameof(Description), "描述", 200)
            .Check(Selected.All(Permissions.IsKnown), nameof(Selected), "权限无效")
            .Check(!await db.Set<StaffRole>().AnyAsync(r => r.Name == name && r.Id != Id, ct), nameof(Name), "角色名称已存在");
        var role = Id is null ? new StaffRole { CreatedAt = time.GetUtcNow() } : await db.Set<StaffRole>().FindAsync([Id], ct);
        if (role is null) return NotFound();
        // Nobody grants what they do not hold, nor changes a role that holds more than they do.
        validator.Check(Selected.All(Current.Permissions.Contains), nameof(Selected), "不能授予您本人没有的权限")
            .Check(role.PermissionSet().IsSubsetOf(Current.Permissions), nameof(Selected), "该角色含有您本人没有的权限，不能修改");
        validator.Check(role.Name != StaffBootstrapNames.SuperAdmin || Selected.Count == Permissions.All.Count, nameof(Selected), "超级管理员角色必须保留全部权限")
            .Check(role.Name != StaffBootstrapNames.SuperAdmin || name == StaffBootstrapNames.SuperAdmin, nameof(Name), "超级管理员角色不能改名");
        if (!Accept(validator)) return Page();

        var before = Id is null ? null : role.Snapshot();
        role.Name = name!;
        role.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        role.Permissions = string.Join(' ', Permissions.All.Select(p => p.Code).Where(Selected.Contains));
        if (Id is null)
        {
            db.Add(role);
            await Audit.RecordCreatedAsync("role.create", "staff_role", role, r => r.Id, role.Snapshot(), ct);
        }
        else await Audit.RecordAsync("role.update", "staff_role", role.Id, before, role.Snapshot(), ct);
        Flash($"角色“{role.Name}”已保存");
        return Redirect("/admin/roles");
    }
}

/// <summary>Who may change roles: platform-wide staff only, since a role is shared by every organisation.</summary>
public static class RoleEditing
{
    public static bool Allowed(string? jurisdiction) => jurisdiction is null;
}
