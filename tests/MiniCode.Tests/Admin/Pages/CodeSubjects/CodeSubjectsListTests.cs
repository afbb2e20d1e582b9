using System.Net;
using MiniCode.Features.Enterprises;
using MiniCode.Features.Staff;
using MiniCode.Tests.Enterprises;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Licences;
using MiniCode.Tests.Posters;

namespace MiniCode.Tests.Admin.Pages.CodeSubjects;

/// <summary>码对象主体管理 lists over HTTP: each kind within the jurisdiction, filtered by text, region and status, masked.</summary>
public sealed class CodeSubjectsListTests(HealthCodesFactory host) : IClassFixture<HealthCodesFactory>
{
    private const string List = "/admin/codesubjects";

    [Fact]
    public async Task City_staff_list_people_of_their_region_masked_and_find_them_by_exact_name()
    {
        var name = "列表" + RegionalWorld.Mark("甲");
        var inside = await host.CitizenAsync(name, region: RegionalWorld.District);
        var outside = await host.CitizenAsync(name, region: RegionalWorld.OtherCity);
        var staff = await CityStaffAsync(Permissions.CodeSubjects);

        var page = await staff.GetPageAsync($"{List}?kind=person&q={Uri.EscapeDataString(name)}");
        Assert.Contains("共 1 个", page);
        var rows = Rows(page); // the search box shows what staff typed; the rows show the masked record
        Assert.Contains("列*", rows);
        Assert.DoesNotContain(name, rows);
        Assert.DoesNotContain(inside.IdNumber!, page);
        Assert.Contains(inside.IdNumber![..3] + "*", rows);
        Assert.Contains($"detail?kind=person&id={inside.PersonId}", rows);
        Assert.DoesNotContain($"id={outside.PersonId}\"", rows);

        var unscoped = await AdminClient.LoggedInAsync(host);
        Assert.Contains("共 2 个", await unscoped.GetPageAsync($"{List}?kind=person&q={Uri.EscapeDataString(name)}"));
        Assert.Contains("共 1 个", await unscoped.GetPageAsync($"{List}?kind=person&q={Uri.EscapeDataString(name)}&region={RegionalWorld.OtherCity}"));
    }

    [Fact]
    public async Task Enterprises_filter_by_name_credit_code_region_and_status_within_the_jurisdiction()
    {
        var mark = RegionalWorld.Mark("列表实业");
        var active = await EnterpriseAsync("长春" + mark, RegionalWorld.District, EnterpriseStatus.Active);
        var suspended = await EnterpriseAsync("长春暂停" + mark, "220104", EnterpriseStatus.Suspended);
        var outside = await EnterpriseAsync("吉林" + mark, RegionalWorld.OtherCity, EnterpriseStatus.Active);
        var staff = await CityStaffAsync(Permissions.CodeSubjects);

        var all = await staff.GetPageAsync($"{List}?kind=enterprise&q={Uri.EscapeDataString(mark)}");
        Assert.Contains("共 2 个", all);
        Assert.Contains(active.CreditCode, all);
        Assert.DoesNotContain(outside.CreditCode, all);
        var stopped = await staff.GetPageAsync($"{List}?kind=enterprise&q={Uri.EscapeDataString(mark)}&status=stopped");
        Assert.Contains(suspended.CreditCode, stopped);
        Assert.DoesNotContain(active.CreditCode, stopped);
        Assert.Contains("已暂停", stopped);
        var byRegion = await staff.GetPageAsync($"{List}?kind=enterprise&q={Uri.EscapeDataString(mark)}&region={RegionalWorld.District}");
        Assert.Contains(active.CreditCode, byRegion);
        Assert.DoesNotContain(suspended.CreditCode, byRegion);
        Assert.Contains("共 1 个", await staff.GetPageAsync($"{List}?kind=enterprise&q={active.CreditCode}"));

        // A region outside, a bad region or an unknown status is refused and the list stays the jurisdiction's.
        var wider = await staff.GetPageAsync($"{List}?kind=enterprise&q={Uri.EscapeDataString(mark)}&region={RegionalWorld.OtherCity}");
        Assert.Contains("只能查询本辖区（220100）内的码对象主体", wider);
        Assert.DoesNotContain(outside.CreditCode, wider);
        Assert.Contains("地区编码应为6位数字", await staff.GetPageAsync($"{List}?kind=enterprise&region=22"));
        Assert.Contains("状态无效", await staff.GetPageAsync($"{List}?kind=enterprise&status=frozen"));
    }

    [Fact]
    public async Task Posters_show_their_code_number_and_masked_phone_and_licences_their_masked_number()
    {
        var owner = await host.CitizenAsync("列表店长", region: RegionalWorld.District);
        var venue = RegionalWorld.Mark("列表超市");
        var poster = await owner.ApplyAsync(venue);
        var png = await owner.Client.GetAsync($"/api/posters/{poster.Id()}/qr.png"); // assigns the venue's 张贴码 number
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        var number = await host.QueryAsync(db => db.Set<Features.CodeEngine.CodeNumber>()
            .Where(n => n.Category == "poster" && n.SubjectId == poster.Id()).Select(n => n.Number).SingleAsync());
        var staff = await CityStaffAsync(Permissions.CodeSubjects);

        var page = await staff.GetPageAsync($"{List}?kind=poster&q={Uri.EscapeDataString(venue)}");
        Assert.Contains(venue, page);
        Assert.Contains(number, page);
        Assert.Contains("138****8000", page);
        Assert.DoesNotContain("13800138000", page);
        Assert.Contains(venue, await staff.GetPageAsync($"{List}?kind=poster&q={number}"));
        Assert.Contains(venue, await staff.GetPageAsync($"{List}?kind=poster&q=P{poster.Id()}&status=active"));
        Assert.DoesNotContain(venue, await staff.GetPageAsync($"{List}?kind=poster&q=P{poster.Id()}&status=stopped"));

        await host.IssuerRecordAsync("social_security_card", owner.IdNumber!);
        var licence = await owner.BoundAsync("social_security_card");
        var licences = await staff.GetPageAsync($"{List}?kind=licence&q={Uri.EscapeDataString("社会保障卡")}");
        Assert.Contains($"detail?kind=licence&id={licence.GetProperty("id").GetInt64()}", licences);
        Assert.DoesNotContain(owner.IdNumber!, licences);
    }

    [Fact]
    public async Task Without_the_view_permission_the_list_is_forbidden()
    {
        var staff = await CityStaffAsync(Permissions.CodeEngine);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync(List)).StatusCode);
        Assert.DoesNotContain("/admin/codesubjects", await staff.GetPageAsync("/admin/codeengine"));
    }

    private static string Rows(string page) => page[page.IndexOf("<table id=\"subjects\">", StringComparison.Ordinal)..];

    private async Task<AdminClient> CityStaffAsync(params string[] permissions)
    {
        var (user, password) = await AdminClient.StaffInRegionAsync(host, RegionalWorld.City, permissions);
        return await AdminClient.LoggedInAsync(host, user, password);
    }

    private Task<Enterprise> EnterpriseAsync(string name, string region, EnterpriseStatus status) =>
        CodeSubjectsKit.EnterpriseAsync(host, name, region, status);
}
