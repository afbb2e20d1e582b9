using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Security;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Staff;

public sealed class StaffAdminTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(long OrgId, long SiteId)> SeedOrgAsync()
    {
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var org = new Organisation { Name = "朝阳区指挥部", RegionCode = "220104", CreatedAt = _factory.Clock.GetUtcNow() };
        var site = new Site { Organisation = org, Name = "万达广场", RegionCode = "220104", CreatedAt = _factory.Clock.GetUtcNow() };
        db.AddRange(org, site);
        await db.SaveChangesAsync();
        return (org.Id, site.Id);
    }

    [Fact]
    public async Task Creating_editing_and_resetting_staff_is_audited_with_before_and_after_and_ids_are_encrypted()
    {
        var (orgId, siteId) = await SeedOrgAsync();
        var admin = await AdminClient.LoggedInAsync(_factory);
        long roleId;
        await using (var scope = _factory.Services.CreateAsyncScope())
            roleId = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<StaffRole>().Select(r => r.Id).FirstAsync();
        var idNumber = TestUsers.NextIdNumber(new DateOnly(1988, 3, 4), "220104");
        var create = await admin.PostFormAsync("/admin/staff/create", new()
        {
            ["Username"] = "site01", ["Name"] = "赵敏", ["IdNumber"] = idNumber, ["Password"] = "Site01#pass", ["Type"] = "SiteStaff",
            ["OrganisationId"] = orgId.ToString(), ["SiteId"] = siteId.ToString(), ["RoleId"] = roleId.ToString(), ["Status"] = "Active",
        });
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);

        StaffMember staff;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            staff = await db.Set<StaffMember>().SingleAsync(s => s.Username == "site01");
            Assert.DoesNotContain(idNumber, staff.IdNumberCipher);
            Assert.Equal(scope.ServiceProvider.GetRequiredService<PersonalDataProtector>().BlindIndex(idNumber), staff.IdNumberIndex);
            Assert.Equal(siteId, staff.SiteId);
        }
        var (_, found) = await admin.IdSearchAsync("/admin/staff", idNumber.ToLowerInvariant());
        Assert.Contains("site01", found);
        Assert.DoesNotContain(idNumber, found);

        var staffClient = await AdminClient.LoggedInAsync(_factory, "site01", "Site01#pass");
        var edit = await admin.PostFormAsync($"/admin/staff/edit?id={staff.Id}", new() { ["id"] = staff.Id.ToString(), ["Status"] = "Disabled", ["Remarks"] = "离岗" },
            "/admin/staff/edit?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staffClient.Http.GetAsync("/admin")).StatusCode); // a disabled account's cookie stops working
        var reset = await admin.PostFormAsync($"/admin/staff/edit?id={staff.Id}", new() { ["id"] = staff.Id.ToString(), ["NewPassword"] = "Reset#pass1", ["CurrentPassword"] = AdminClient.SuperPassword },
            "/admin/staff/edit?handler=ResetPassword");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var entries = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<AuditEntry>()
                .Where(e => e.TargetType == "staff" && e.TargetId == staff.Id.ToString()).OrderBy(e => e.Id).ToListAsync();
            var update = entries.Single(e => e.Action == "staff.update");
            Assert.Contains("\"status\":\"Active\"", update.Before);
            Assert.Contains("\"status\":\"Disabled\"", update.After);
            Assert.Contains("离岗", update.After);
            Assert.DoesNotContain(idNumber, update.After);
            Assert.Contains(entries, e => e.Action == "staff.create" && e.Actor.StartsWith("staff:"));
            Assert.Contains(entries, e => e.Action == "staff.reset_password");
        }
        var audit = await admin.GetPageAsync("/admin/audit?targetType=staff&targetId=" + staff.Id);
        Assert.Contains("staff.update", audit);
    }

    [Fact]
    public async Task Site_staff_must_have_a_site_of_their_organisation_and_usernames_are_unique()
    {
        var (orgId, _) = await SeedOrgAsync();
        var admin = await AdminClient.LoggedInAsync(_factory);
        var page = await (await admin.PostFormAsync("/admin/staff/create", new()
        {
            ["Username"] = "admin", ["Name"] = "重复", ["Password"] = "short", ["Type"] = "SiteStaff", ["OrganisationId"] = orgId.ToString(),
            ["RoleId"] = "1", ["Status"] = "Active", ["IdNumber"] = "110105199001011234",
        })).Content.ReadAsStringAsync();
        Assert.Contains("账号已存在", page);
        Assert.Contains("场所人员须选择所属机构下的场所", page);
        Assert.Contains("密码长度应为8到128位", page);
        Assert.Contains("身份证号不正确", page);
    }

    [Fact]
    public void Password_hashes_use_pbkdf2_sha256_with_at_least_600000_iterations()
    {
        using var deployed = new MiniCodeFactory().Deployed("Staging"); // the default count
        var hasher = deployed.Services.GetRequiredService<PasswordHasher>();
        var hash = hasher.Hash("correct horse");
        Assert.StartsWith("pbkdf2-sha256$600000$", hash);
        Assert.True(hasher.Verify("correct horse", hash));
        Assert.False(hasher.Verify("wrong horse", hash));
        Assert.NotEqual(hash, hasher.Hash("correct horse"));
        Assert.True(_factory.Services.GetRequiredService<PasswordHasher>().Verify("correct horse", hash)); // a stored hash keeps its count
    }

    [Fact]
    public void A_deployment_with_fewer_than_600000_iterations_does_not_start()
    {
        using var deployed = new MiniCodeFactory().Deployed("Staging").With("Security:Passwords:Iterations", "100000");
        Assert.Contains("Security:Passwords:Iterations must be at least 600000 in Staging", Assert.ThrowsAny<Exception>(() => deployed.CreateClient()).ToString());
    }

    [Fact]
    public async Task Organisations_must_sit_inside_their_parents_region()
    {
        var (orgId, _) = await SeedOrgAsync();
        var admin = await AdminClient.LoggedInAsync(_factory);
        var page = await (await admin.PostFormAsync("/admin/organisations/create", new()
        {
            ["ParentId"] = orgId.ToString(), ["Name"] = "北京某街道", ["RegionCode"] = "110105",
        })).Content.ReadAsStringAsync();
        Assert.Contains("地区编码必须在上级机构的辖区内", page);
        var ok = await admin.PostFormAsync("/admin/organisations/create", new() { ["ParentId"] = orgId.ToString(), ["Name"] = "红旗街道", ["RegionCode"] = "220104" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var sites = await admin.GetPageAsync($"/admin/sites?organisationId={orgId}");
        Assert.Contains("万达广场", sites);
    }

    [Fact]
    public void Production_start_without_the_bootstrap_admin_fails_naming_the_settings()
    {
        using var host = new MiniCodeFactory().With("Environment", "Production");
        var ex = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("Admin:BootstrapUser", ex.ToString());
        Assert.Contains("Admin:BootstrapPassword", ex.ToString());
    }

    [Fact]
    public async Task Bootstrap_uses_the_configured_super_admin()
    {
        using var host = new MiniCodeFactory().With("Admin:BootstrapUser", "root").With("Admin:BootstrapPassword", "Configured#Pass1");
        await AdminClient.LoggedInAsync(host, "root", "Configured#Pass1");
        var page = await (await AdminClient.For(host).PostFormAsync("/admin/login", new() { ["Username"] = "admin", ["Password"] = AdminClient.SuperPassword })).Content.ReadAsStringAsync();
        Assert.Contains("账号或密码错误", page);
    }
}
