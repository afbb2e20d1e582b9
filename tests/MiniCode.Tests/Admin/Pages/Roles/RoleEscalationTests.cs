using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Staff;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Roles;

/// <summary>Nobody grants a permission they do not hold: not through a new staff member's role, not by editing a role.</summary>
public sealed class RoleEscalationTests(RoleEscalationTests.Host factory) : IClassFixture<RoleEscalationTests.Host>
{
    public sealed class Host : MiniCodeFactory;

    [Fact]
    public async Task Staff_managers_cannot_create_a_super_administrator()
    {
        var (user, password) = await AdminClient.StaffInRegionAsync(factory, "220100", Permissions.Staff, Permissions.Roles);
        var manager = await AdminClient.LoggedInAsync(factory, user, password);
        var (superRole, ownRole, orgId) = await QueryAsync(async db => (
            await db.Set<StaffRole>().Where(r => r.Name == StaffBootstrapNames.SuperAdmin).Select(r => r.Id).SingleAsync(),
            await db.Set<StaffMember>().Where(s => s.Username == user).Select(s => s.RoleId).SingleAsync(),
            await db.Set<StaffMember>().Where(s => s.Username == user).Select(s => s.OrganisationId!.Value).SingleAsync()));

        var form = await manager.GetPageAsync("/admin/staff/create");
        Assert.DoesNotContain(StaffBootstrapNames.SuperAdmin, form);
        var refused = await manager.PostFormAsync("/admin/staff/create", Fields("escalate_1", orgId, superRole));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("角色不存在或含有您本人没有的权限", await refused.Content.ReadAsStringAsync());
        Assert.False(await QueryAsync(db => db.Set<StaffMember>().AnyAsync(s => s.Username == "escalate_1")));

        var allowed = await manager.PostFormAsync("/admin/staff/create", Fields("peer_1", orgId, ownRole));
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }

    [Fact]
    public async Task Role_managers_grant_and_change_only_what_they_hold()
    {
        var (user, password) = await AdminClient.StaffInRegionAsync(factory, null, Permissions.Roles, Permissions.Faq);
        var manager = await AdminClient.LoggedInAsync(factory, user, password);
        var superRole = await QueryAsync(db => db.Set<StaffRole>().Where(r => r.Name == StaffBootstrapNames.SuperAdmin).Select(r => r.Id).SingleAsync());
        var auditsBefore = await QueryAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action.StartsWith("role.")));

        var grant = await manager.PostFormAsync("/admin/roles/edit", new() { ["Name"] = "越权角色", ["Selected"] = Permissions.Jobs });
        Assert.Contains("不能授予您本人没有的权限", await grant.Content.ReadAsStringAsync());
        var strip = await manager.PostFormAsync($"/admin/roles/edit?id={superRole}",
            new() { ["Id"] = superRole.ToString(), ["Name"] = StaffBootstrapNames.SuperAdmin, ["Selected"] = Permissions.Faq });
        Assert.Contains("该角色含有您本人没有的权限，不能修改", await strip.Content.ReadAsStringAsync());
        Assert.False(await QueryAsync(db => db.Set<StaffRole>().AnyAsync(r => r.Name == "越权角色")));
        Assert.Equal(auditsBefore, await QueryAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action.StartsWith("role."))));

        var own = await manager.PostFormAsync("/admin/roles/edit", new() { ["Name"] = "问答专员", ["Selected"] = Permissions.Faq });
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
    }

    [Fact]
    public async Task Regional_staff_see_the_global_roles_but_cannot_create_or_change_them()
    {
        var (user, password) = await AdminClient.StaffInRegionAsync(factory, "220100", Permissions.Roles, Permissions.Faq);
        var regional = await AdminClient.LoggedInAsync(factory, user, password);
        var (user2, password2) = await AdminClient.StaffInRegionAsync(factory, null, Permissions.Roles, Permissions.Faq);
        var platform = await AdminClient.LoggedInAsync(factory, user2, password2);
        var created = await platform.PostFormAsync("/admin/roles/edit", new() { ["Name"] = "全省问答专员", ["Selected"] = Permissions.Faq });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var roleId = await QueryAsync(db => db.Set<StaffRole>().Where(r => r.Name == "全省问答专员").Select(r => r.Id).SingleAsync());

        var list = await regional.GetPageAsync("/admin/roles");
        Assert.Contains("全省问答专员", list);
        Assert.DoesNotContain("/admin/roles/edit", list);
        Assert.Equal(HttpStatusCode.Forbidden, (await regional.Http.GetAsync($"/admin/roles/edit?id={roleId}")).StatusCode);
        // A form token from a page the staff member may open, posted to the role editor.
        var rename = await regional.PostFormAsync("/admin/faq", new() { ["Id"] = roleId.ToString(), ["Name"] = "改名", ["Selected"] = Permissions.Faq }, $"/admin/roles/edit?id={roleId}");
        Assert.Equal(HttpStatusCode.Forbidden, rename.StatusCode);
        var create = await regional.PostFormAsync("/admin/faq", new() { ["Name"] = "地区角色", ["Selected"] = Permissions.Faq }, "/admin/roles/edit");
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("全省问答专员", await QueryAsync(db => db.Set<StaffRole>().Where(r => r.Id == roleId).Select(r => r.Name).SingleAsync()));
        Assert.False(await QueryAsync(db => db.Set<StaffRole>().AnyAsync(r => r.Name == "地区角色")));
    }

    private static Dictionary<string, string> Fields(string username, long organisationId, long roleId) => new()
    {
        ["Username"] = username, ["Name"] = "新人" + username, ["Password"] = "Newbie#pass1", ["Type"] = "OrganisationStaff",
        ["OrganisationId"] = organisationId.ToString(), ["RoleId"] = roleId.ToString(), ["Status"] = "Active",
    };

    private async Task<T> QueryAsync<T>(Func<MiniCodeDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>());
    }
}
