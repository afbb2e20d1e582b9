using MiniCode.Admin.Regional;
using MiniCode.Data;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Staff;

/// <summary>
/// The organisation / site / role choices of the staff forms and their validation. Staff of an organisation choose only
/// among the organisations and sites of their jurisdiction (<paramref name="Scope"/>; null = all), read through the
/// page's <see cref="JurisdictionScope"/>, and nobody grants a
/// role with a permission they do not hold themselves (no way up to 超级管理员).
/// </summary>
public sealed record StaffChoices(IReadOnlyList<Organisation> Organisations, IReadOnlyList<Site> Sites, IReadOnlyList<StaffRole> Roles,
    StaffType Type, long? OrganisationId, long? SiteId, long RoleId, StaffStatus Status, string? Scope)
{
    public static async Task<StaffChoices> LoadAsync(JurisdictionScope within, MiniCodeDbContext db, IReadOnlySet<string> granterPermissions, StaffType type,
        long? orgId, long? siteId, long roleId, StaffStatus status, CancellationToken ct) => new(
        await within.Organisations.AsNoTracking().OrderBy(o => o.RegionCode).ThenBy(o => o.Name).ToListAsync(ct),
        await within.Sites.AsNoTracking().Where(s => orgId == null || s.OrganisationId == orgId).OrderBy(s => s.Name).ToListAsync(ct),
        (await db.Set<StaffRole>().AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct)).Where(r => r.PermissionSet().IsSubsetOf(granterPermissions)).ToList(),
        type, orgId, siteId, roleId, status, within.Jurisdiction);

    /// <summary>Organisation staff belong to an organisation; site staff to a site of that organisation.</summary>
    public InputValidator Validate(InputValidator v)
    {
        v.Check(OrganisationId is null || Organisations.Any(o => o.Id == OrganisationId), "OrganisationId", Scope is null ? "所属机构不存在" : $"所属机构不存在或不在本辖区（{Scope}）内")
         .Check(OrganisationId is not null, "OrganisationId", "请选择所属机构")
         .Check(Roles.Any(r => r.Id == RoleId), "RoleId", "角色不存在或含有您本人没有的权限");
        if (Type == StaffType.SiteStaff) v.Check(SiteId is not null && Sites.Any(s => s.Id == SiteId), "SiteId", "场所人员须选择所属机构下的场所");
        else v.Check(SiteId is null, "SiteId", "机构人员不属于场所");
        return v;
    }
}
