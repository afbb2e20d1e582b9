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
