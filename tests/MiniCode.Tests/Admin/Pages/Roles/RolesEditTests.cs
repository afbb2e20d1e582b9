using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Staff;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Roles;

/// <summary>角色权限: roles are added and edited (audited with before and after); the super-admin role keeps its name and every permission.</summary>
public sealed class RolesEditTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Roles_are_added_and_edited_and_the_super_admin_role_keeps_every_permission()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        var created = await admin.PostFormAsync("/admin/roles/edit", new() { ["Name"] = "反馈专员", ["Description"] = "处理纠错反馈", ["Selected"] = Permissions.Feedback });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        long id, superId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            id = await db.Set<StaffRole>().Where(r => r.Name == "反馈专员").Select(r => r.Id).SingleAsync();
            superId = await db.Set<StaffRole>().Where(r => r.Name == StaffBootstrapNames.SuperAdmin).Select(r => r.Id).SingleAsync();
        }
        var edited = await admin.PostFormAsync($"/admin/roles/edit?id={id}", new() { ["Id"] = id.ToString(), ["Name"] = "反馈与问答专员", ["Selected"] = Permissions.Faq });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var list = await admin.GetPageAsync("/admin/roles");
        Assert.Contains("反馈与问答专员", list);
        Assert.Contains("常见问题", list);

        var refused = await (await admin.PostFormAsync($"/admin/roles/edit?id={superId}",
            new() { ["Id"] = superId.ToString(), ["Name"] = "改名", ["Selected"] = Permissions.Faq })).Content.ReadAsStringAsync();
        Assert.Contains("超级管理员角色必须保留全部权限", refused);
        Assert.Contains("超级管理员角色不能改名", refused);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var entries = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<AuditEntry>().Where(e => e.TargetType == "staff_role" && e.TargetId == id.ToString()).ToListAsync();
            Assert.Contains(entries, e => e.Action == "role.update" && e.Before!.Contains("反馈专员") && e.After!.Contains("反馈与问答专员"));
        }
    }
}
