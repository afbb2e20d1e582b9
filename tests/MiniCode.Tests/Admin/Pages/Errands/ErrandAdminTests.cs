using System.Net;
using MiniCode.Features.Audit;
using MiniCode.Features.Errands;
using MiniCode.Features.Staff;
using MiniCode.Tests.Errands;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Errands;

/// <summary>
/// 授权事项 and 授权记录查询 over HTTP: matters created, edited and deleted with audit entries, within the jurisdiction
/// only; authorisations searched by document in the POST body, masked, and scoped to the matter's region.
/// </summary>
public sealed class ErrandAdminTests(RegionalWorld world) : IClassFixture<RegionalWorld>
{
    private static Dictionary<string, string> Matter(string name, string region, bool enabled = true) => new()
    {
        ["Name"] = name, ["RegionCode"] = region, ["SortOrder"] = "1", ["Description"] = "凭授权码到窗口办理", ["Enabled"] = enabled ? "true" : "false",
    };

    [Fact]
    public async Task City_staff_manage_matters_of_their_city_with_audit_and_citizens_see_the_enabled_ones()
    {
        var staff = await world.CityStaffAsync(Permissions.Errands);
        var name = RegionalWorld.Mark("市民事项");
        var created = await staff.PostFormAsync("/admin/errands/edit", Matter(name, RegionalWorld.District));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await world.QueryAsync(db => db.Set<ErrandMatter>().Where(m => m.Name == name).Select(m => m.Id).SingleAsync());
        Assert.Equal(1, await world.AuditCountAsync("errand_matter.create", name));
        Assert.Contains(name, await staff.GetPageAsync("/admin/errands"));
        var matters = await HttpAssert.Ok(await world.CreateClient().GetAsync("/api/errand-matters?region=220102"));
        Assert.Contains(matters.EnumerateArray(), m => m.GetProperty("name").GetString() == name);

        var outside = await staff.PostFormAsync("/admin/errands/edit", Matter(RegionalWorld.Mark("省级事项"), RegionalWorld.Province));
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains(RegionalWorld.OutsideMessage, await outside.Content.ReadAsStringAsync());
        var blank = await staff.PostFormAsync("/admin/errands/edit", Matter(" ", "22"));
        var blankHtml = await blank.Content.ReadAsStringAsync();
        Assert.Contains("地区编码应为6位数字", blankHtml);

        var disabled = await staff.PostFormAsync($"/admin/errands/edit?id={id}", Matter(name, RegionalWorld.District, enabled: false));
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(2, await world.AuditCountAsync("errand_matter", id));
        var after = await HttpAssert.Ok(await world.CreateClient().GetAsync("/api/errand-matters"));
        Assert.DoesNotContain(after.EnumerateArray(), m => m.GetProperty("name").GetString() == name);

        var provincial = await world.MatterAsync(RegionalWorld.Mark("全省事项"), RegionalWorld.Province);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/errands/edit?id={provincial}")).StatusCode);
        var deleteOutside = await staff.PostFormAsync("/admin/errands", new() { ["id"] = provincial.ToString() }, "/admin/errands?handler=Delete");
        Assert.Equal(HttpStatusCode.NotFound, deleteOutside.StatusCode);
        var delete = await staff.PostFormAsync("/admin/errands", new() { ["id"] = id.ToString() }, "/admin/errands?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(3, await world.AuditCountAsync("errand_matter", id));
        Assert.False(await world.QueryAsync(db => db.Set<ErrandMatter>().AnyAsync(m => m.Id == id)));

        var other = await world.StaffAsync(RegionalWorld.City, Permissions.Faq);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync("/admin/errands")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync("/admin/errands/authorisations")).StatusCode);
    }

    [Fact]
    public async Task Authorisations_are_searched_by_document_in_the_body_masked_within_the_jurisdiction()
    {
        var cityMatter = await world.MatterAsync(RegionalWorld.Mark("长春事项"), RegionalWorld.City);
        var otherMatter = await world.MatterAsync(RegionalWorld.Mark("吉林事项"), RegionalWorld.OtherCity);
        var grantor = await world.CitizenAsync("韩授权", region: "220102");
        var grantee = await world.CitizenAsync("杨代办", region: "220102");
        var inside = (await grantor.GrantToAsync(cityMatter, grantee, "杨代办", ErrandsKit.Today.AddDays(1))).Id();
        var outside = (await grantor.GrantToAsync(otherMatter, grantee, "杨代办", ErrandsKit.Today.AddDays(1))).Id();
        var staff = await world.CityStaffAsync(Permissions.Errands);

        var form = await staff.GetPageAsync("/admin/errands/authorisations");
        Assert.Contains("<form method=\"post\" class=\"filters\"", form);
        var found = await staff.PostFormAsync("/admin/errands/authorisations", new() { ["GranteeIdNumber"] = grantee.IdNumber! });
        var html = await found.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"/admin/errands/authorisation?id={inside}\"", html);
        Assert.DoesNotContain($"/admin/errands/authorisation?id={outside}\"", html);
        Assert.Contains("杨** ", html);
        Assert.Contains("韩**", html);
        Assert.DoesNotContain(grantee.IdNumber!, html);
        Assert.DoesNotContain("杨代办", html);
        Assert.Equal(1, await world.QueryAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "errand.search_by_document" && e.After!.Contains("\"found\":1"))));

        var byGrantor = await (await staff.PostFormAsync("/admin/errands/authorisations", new() { ["GrantorIdNumber"] = grantor.IdNumber!, ["State"] = "pending" }))
            .Content.ReadAsStringAsync();
        Assert.Contains($"authorisation?id={inside}\"", byGrantor);
        var none = await (await staff.PostFormAsync("/admin/errands/authorisations", new() { ["GrantorIdNumber"] = grantor.IdNumber!, ["State"] = "declined" }))
            .Content.ReadAsStringAsync();
        Assert.Contains("没有符合条件的授权记录", none);
        var bad = await (await staff.PostFormAsync("/admin/errands/authorisations", new() { ["GranteeIdNumber"] = "12345" })).Content.ReadAsStringAsync();
        Assert.Contains("被授权人身份证号码无效", bad);

        var detail = await staff.GetPageAsync($"/admin/errands/authorisation?id={inside}");
        Assert.Contains("待确认", detail);
        Assert.DoesNotContain(grantee.IdNumber!, detail);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/errands/authorisation?id={outside}")).StatusCode);
        var admin = await world.SuperUserAsync();
        Assert.Contains("吉林事项", await admin.GetPageAsync($"/admin/errands/authorisation?id={outside}"));

        // A matter with authorisations stays (disable it instead).
        var refused = await staff.PostFormAsync("/admin/errands", new() { ["id"] = cityMatter.ToString() }, "/admin/errands?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.True(await world.QueryAsync(db => db.Set<ErrandMatter>().AnyAsync(m => m.Id == cityMatter)));
    }
}
