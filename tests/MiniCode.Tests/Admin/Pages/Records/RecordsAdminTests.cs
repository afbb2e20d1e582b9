using System.Net;
using MiniCode.Features.Audit;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Logging;
using MiniCode.Tests.Checkpoints;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Records;

/// <summary>排查信息管理 in the admin: search by ID number, name and time range, chosen columns, CSV export.</summary>
public sealed class RecordsAdminTests(CheckpointsFactory factory) : IClassFixture<CheckpointsFactory>
{
    [Fact]
    public async Task Staff_search_records_choose_columns_and_export()
    {
        var (_, siteId) = await factory.SiteAsync("后台查询站点");
        var scanner = await factory.SeniorAsync(siteId, "冯扫码");
        var alice = await factory.CitizenAsync("陈一一");
        var bob = await factory.CitizenAsync("林二二");
        await alice.DeclareAsync();
        await bob.DeclareAsync();
        await scanner.ScanOkAsync(alice, 36.6m);
        await scanner.ScanOkAsync(bob, 37.5m);
        var (user, password) = await AdminClient.StaffWithAsync(factory, Permissions.Records);
        var admin = await AdminClient.LoggedInAsync(factory, user, password);

        var (aliceSearch, byId) = await admin.IdSearchAsync("/admin/records", alice.IdNumber!);
        Assert.Contains(SensitiveDataMasker.MaskIdNumber(alice.IdNumber), byId);
        Assert.DoesNotContain(SensitiveDataMasker.MaskIdNumber(bob.IdNumber), byId);
        Assert.DoesNotContain(alice.IdNumber!, byId); // not even in the search field: it shows the masked number
        // The ID number travels in no URL: without the server-side search behind the token, there is no ID filter.
        Assert.DoesNotContain("idNumber=", byId);
        Assert.Contains(SensitiveDataMasker.MaskIdNumber(bob.IdNumber), await admin.GetPageAsync("/admin/records?q=guessed"));

        var byName = await admin.GetPageAsync("/admin/records?name=" + Uri.EscapeDataString("林二二") + "&from=2026-11-21&to=2026-11-21");
        Assert.Contains("37.5", byName);
        Assert.Contains("黄码", byName);
        Assert.DoesNotContain("36.6", byName);
        Assert.DoesNotContain("37.5", await admin.GetPageAsync("/admin/records?name=" + Uri.EscapeDataString("林二二") + "&from=2026-11-22"));

        var columns = await admin.GetPageAsync(aliceSearch + "&columns=temperature&columns=site");
        Assert.Contains("后台查询站点", columns);
        Assert.DoesNotContain("<th>扫码员</th>", columns);

        var (bobSearch, _) = await admin.IdSearchAsync("/admin/records", bob.IdNumber!);
        var export = await admin.Http.GetAsync(bobSearch + "&handler=Export&columns=name&columns=temperature");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Equal(["姓名,体温", SensitiveDataMasker.MaskName("林二二") + ",37.5"], csv.TrimStart('\uFEFF').TrimEnd().Split("\r\n"));
        Assert.True(await factory.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "records.export")));

        var (other, otherPassword) = await AdminClient.StaffWithAsync(factory, Permissions.Faq);
        var outsider = await AdminClient.LoggedInAsync(factory, other, otherPassword);
        Assert.NotEqual(HttpStatusCode.OK, (await outsider.Http.GetAsync("/admin/records")).StatusCode);
    }
}
