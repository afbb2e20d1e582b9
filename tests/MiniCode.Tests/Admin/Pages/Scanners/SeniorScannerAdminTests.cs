using System.Net;
using MiniCode.Features.Audit;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Staff;
using MiniCode.Tests.Checkpoints;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Scanners;

/// <summary>Staff create the senior scanner at the top of a line in the admin; it then logs in to the inspector app.</summary>
public sealed class SeniorScannerAdminTests(CheckpointsFactory factory) : IClassFixture<CheckpointsFactory>
{
    [Fact]
    public async Task Staff_with_the_staff_permission_create_a_senior_scanner_who_can_log_in()
    {
        var (_, siteId) = await factory.SiteAsync("管理员建的站点");
        var (user, password) = await AdminClient.StaffWithAsync(factory, Permissions.Staff);
        var admin = await AdminClient.LoggedInAsync(factory, user, password);
        var phone = IdentityTestKit.NextPhone();
        var fields = new Dictionary<string, string>
        {
            ["SiteId"] = siteId.ToString(), ["IdNumber"] = CheckpointKit.NextId(), ["Name"] = "郑站长", ["Phone"] = phone,
            ["Password"] = CheckpointKit.Password, ["Remarks"] = "站点负责人",
        };

        var weak = await admin.PostFormAsync("/admin/scanners/create", new(fields) { ["Password"] = "short" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("密码至少", await weak.Content.ReadAsStringAsync());

        var created = await admin.PostFormAsync("/admin/scanners/create", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var again = await admin.PostFormAsync("/admin/scanners/create", fields);
        Assert.Contains("该手机号已是扫码员账号", await again.Content.ReadAsStringAsync());

        var client = await factory.ScannerLoginAsync(phone, CheckpointKit.Password);
        var me = await HttpAssert.Ok(await client.GetAsync("/api/checkpoint/me"));
        Assert.Equal("senior", me.GetProperty("role").GetString());
        Assert.True(await factory.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "checkpoint.scanner_create" && a.Actor.StartsWith("staff:"))));

        var (other, otherPassword) = await AdminClient.StaffWithAsync(factory, Permissions.Faq);
        var outsider = await AdminClient.LoggedInAsync(factory, other, otherPassword);
        Assert.NotEqual(HttpStatusCode.OK, (await outsider.Http.GetAsync("/admin/scanners/create")).StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<ScannerProfile>().CountAsync(p => p.SiteId == siteId)));
    }

    [Fact]
    public async Task Staff_of_an_organisation_choose_only_sites_of_their_jurisdiction()
    {
        var (_, inside) = await factory.SiteAsync("辖区内站点甲", "220102");
        var (_, outside) = await factory.SiteAsync("辖区外站点乙", "110105");
        var (user, password) = await AdminClient.StaffInRegionAsync(factory, "220100", Permissions.Staff);
        var admin = await AdminClient.LoggedInAsync(factory, user, password);

        var form = await admin.GetPageAsync("/admin/scanners/create");
        Assert.Contains("辖区内站点甲", form);
        Assert.DoesNotContain("辖区外站点乙", form);

        var phone = IdentityTestKit.NextPhone();
        var fields = new Dictionary<string, string>
        {
            ["SiteId"] = outside.ToString(), ["IdNumber"] = CheckpointKit.NextId(), ["Name"] = "越界员", ["Phone"] = phone, ["Password"] = CheckpointKit.Password,
        };
        var audits = await factory.QueryAsync(db => db.Set<AuditEntry>().CountAsync());
        var refused = await admin.PostFormAsync("/admin/scanners/create", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("所选站点不在本辖区（220100）内", html);
        Assert.DoesNotContain("辖区外站点乙", html); // the form again, still without the outside site
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<ScannerProfile>().CountAsync(p => p.SiteId == outside)));
        Assert.Equal(audits, await factory.QueryAsync(db => db.Set<AuditEntry>().CountAsync()));
        Assert.NotEqual(HttpStatusCode.OK, (await factory.LoginResponseAsync(phone, CheckpointKit.Password)).StatusCode);

        var created = await admin.PostFormAsync("/admin/scanners/create", new(fields) { ["SiteId"] = inside.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<ScannerProfile>().CountAsync(p => p.SiteId == inside)));

        // Staff without an organisation choose among every region's sites.
        var (super, superPassword) = await AdminClient.StaffWithAsync(factory, Permissions.Staff);
        var all = await (await AdminClient.LoggedInAsync(factory, super, superPassword)).GetPageAsync("/admin/scanners/create");
        Assert.Contains("辖区内站点甲", all);
        Assert.Contains("辖区外站点乙", all);
    }
}
