using System.Net;
using MiniCode.Features.Staff;
using MiniCode.Tests.Checkpoints;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using static MiniCode.Tests.Admin.Pages.Records.RecordsExportKit;

namespace MiniCode.Tests.Admin.Pages.Records;

/// <summary>排查信息管理 within the staff member's jurisdiction: records of sites outside it are neither listed nor exported.</summary>
public sealed class RecordsAdminJurisdictionTests(CheckpointsFactory factory) : IClassFixture<CheckpointsFactory>
{
    [Fact]
    public async Task Staff_see_and_export_only_the_records_of_sites_in_their_jurisdiction()
    {
        var (_, changchun) = await factory.SiteAsync("南关辖区卡口", "220102");
        var (_, beijing) = await factory.SiteAsync("北京朝阳卡口", "110105");
        var citizen = await factory.CitizenAsync("吴四四");
        await citizen.DeclareAsync();
        // A remark with a line break, a comma and quotes: one record, however many lines the CSV text has.
        const string remark = "第一行\n第二行，含\"引号\",逗号";
        await HttpAssert.Ok(await (await factory.SeniorAsync(changchun)).ScanAsync(await citizen.PayloadAsync(), 36.4m, remarks: remark));
        await (await factory.SeniorAsync(beijing)).ScanOkAsync(citizen, 36.9m);
        var byName = "&name=" + Uri.EscapeDataString("吴四四");

        var city = await LoginAsync("220100");
        var page = await city.GetPageAsync("/admin/records?name=" + Uri.EscapeDataString("吴四四"));
        Assert.Contains("南关辖区卡口", page);
        Assert.DoesNotContain("北京朝阳卡口", page);
        Assert.Contains("本辖区：220100", page);
        var (total, records) = await city.ExportAsync(byName);
        Assert.Equal(1, total);
        Assert.Equal(total, records.Count - 1);
        var row = records[1];
        Assert.Equal("南关辖区卡口", row[Array.IndexOf(AllHeaders, "站点")]);
        Assert.Equal(remark.Replace("\n", "\r\n", StringComparison.Ordinal), row[Array.IndexOf(AllHeaders, "备注")].ReplaceLineEndings("\r\n"));

        var province = await LoginAsync("220000");
        Assert.Equal(1, (await province.ExportAsync(byName)).Total);
        var capital = await LoginAsync("110000");
        var beijingPage = await capital.GetPageAsync("/admin/records?name=" + Uri.EscapeDataString("吴四四"));
        Assert.Contains("北京朝阳卡口", beijingPage);
        Assert.DoesNotContain("南关辖区卡口", beijingPage);
        var neighbour = await LoginAsync("220104"); // another district of the same city
        var (none, onlyHeader) = await neighbour.ExportAsync(byName);
        Assert.Equal(0, none);
        Assert.Equal([AllHeaders], onlyHeader);
        Assert.Contains("没有排查记录", await neighbour.GetPageAsync("/admin/records?name=" + Uri.EscapeDataString("吴四四")));

        // Staff without an organisation see every region.
        var everyone = await LoginAsync(null);
        var all = await everyone.GetPageAsync("/admin/records?name=" + Uri.EscapeDataString("吴四四"));
        Assert.Contains("南关辖区卡口", all);
        Assert.Contains("北京朝阳卡口", all);
        Assert.DoesNotContain("本辖区", all);
        var (both, bothRecords) = await everyone.ExportAsync(byName);
        Assert.Equal(2, both);
        Assert.Equal(both, bothRecords.Count - 1);
    }

    private async Task<AdminClient> LoginAsync(string? region)
    {
        var (user, password) = await AdminClient.StaffInRegionAsync(factory, region, Permissions.Records);
        var client = await AdminClient.LoggedInAsync(factory, user, password);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/admin/records")).StatusCode);
        return client;
    }
}
