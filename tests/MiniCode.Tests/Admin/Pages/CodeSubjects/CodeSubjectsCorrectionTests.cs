using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Enterprises;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.People;
using MiniCode.Features.Posters;
using MiniCode.Features.Staff;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Posters;
using static MiniCode.Tests.Admin.Pages.CodeSubjects.CodeSubjectsKit;

namespace MiniCode.Tests.Admin.Pages.CodeSubjects;

/// <summary>
/// 码对象主体管理 corrections over HTTP: through the owning feature, with a reason, audited, within the jurisdiction,
/// with <c>codesubjects.edit</c> only, and real: a stopped subject's codes verify as revoked, a region shows in the answer.
/// </summary>
public sealed class CodeSubjectsCorrectionTests(HealthCodesFactory host) : IClassFixture<HealthCodesFactory>
{
    [Fact]
    public async Task Stopping_an_enterprise_revokes_its_codes_and_a_new_region_shows_in_the_verify_answer_audited()
    {
        var legal = await host.CitizenAsync("司马更正", region: RegionalWorld.District);
        var name = "长春市" + RegionalWorld.Mark("司马实业");
        var (id, payload) = await BoundEnterpriseAsync(host, legal, name, RegionalWorld.District);
        var verifier = host.Partner();
        Assert.True((await verifier.VerifyAsync(payload)).GetProperty("valid").GetBoolean());
        var staff = await CityStaffAsync(Permissions.CodeSubjects, Permissions.CodeSubjectsEdit);

        Redirected(await staff.CorrectAsync("enterprise", id, new() { ["name"] = name + "（更名）", ["regionCode"] = "220104", ["status"] = "stopped", ["reason"] = "工商变更并核查冒用" }));
        var revoked = await verifier.VerifyAsync(payload);
        Assert.Equal((false, "revoked", "suspended"), (revoked.GetProperty("valid").GetBoolean(), revoked.GetProperty("reason").GetString(),
            revoked.GetProperty("subject").GetProperty("state").GetString()));
        Assert.Equal("220104", Fact(revoked, "region"));
        Assert.Equal(name + "（更名）", Fact(revoked, "enterprise"));
        var entry = Assert.Single(await AuditOfAsync(host, "enterprise", id));
        Assert.Equal("code_subject.correct", entry.Action);
        Assert.Contains("\"regionCode\":\"220102\"", entry.Before);
        Assert.Contains("\"status\":\"Suspended\"", entry.After);
        Assert.Contains("工商变更并核查冒用", entry.After);
        Assert.DoesNotContain(legal.IdNumber!, entry.After);

        var detail = await staff.GetPageAsync(DetailOf("enterprise", id));
        Assert.Contains("已暂停", detail);
        Assert.Contains("code_subject.correct", detail);
        Assert.Contains("在绑员工 1 人", detail);

        Redirected(await staff.CorrectAsync("enterprise", id, new() { ["status"] = "active", ["reason"] = "核查完毕" }));
        var live = await verifier.VerifyAsync(payload);
        Assert.True(live.GetProperty("valid").GetBoolean());
        Assert.Equal(2, (await AuditOfAsync(host, "enterprise", id)).Count);
    }

    [Fact]
    public async Task Stopping_a_venue_revokes_its_poster_code_until_it_is_restarted()
    {
        var owner = await host.CitizenAsync("欧阳店长", region: RegionalWorld.District);
        var poster = await owner.ApplyAsync(RegionalWorld.Mark("欧阳超市"));
        var verifier = host.Partner();
        var staff = await CityStaffAsync(Permissions.CodeSubjects, Permissions.CodeSubjectsEdit);

        Redirected(await staff.CorrectAsync("poster", poster.Id(), new() { ["name"] = "欧阳便利店", ["status"] = "stopped", ["reason"] = "场所已停业" }));
        var revoked = await verifier.VerifyAsync(poster.Payload());
        Assert.Equal((false, "revoked"), (revoked.GetProperty("valid").GetBoolean(), revoked.GetProperty("reason").GetString()));
        var stored = await host.QueryAsync(db => db.Set<Poster>().SingleAsync(p => p.Id == poster.Id()));
        Assert.Equal(("欧阳便利店", "场所已停业"), (stored.VenueName, stored.RevokedReason));

        Redirected(await staff.CorrectAsync("poster", poster.Id(), new() { ["status"] = "active", ["reason"] = "误停" }));
        Assert.True((await verifier.VerifyAsync(poster.Payload())).GetProperty("valid").GetBoolean());
        Assert.Equal(["code_subject.correct", "code_subject.correct"], (await AuditOfAsync(host, "poster", poster.Id())).Select(e => e.Action));
    }

    [Fact]
    public async Task A_persons_region_is_corrected_and_drops_the_cached_holder_but_their_name_and_colour_are_refused()
    {
        var citizen = await host.CitizenAsync("诸葛户籍", region: RegionalWorld.District);
        await citizen.DeclareAsync();
        var personId = citizen.PersonId!.Value;
        var verifier = host.Partner();
        Assert.True((await verifier.VerifyAsync((await citizen.CodeAsync()).GetProperty("payload").GetString()!)).GetProperty("valid").GetBoolean());
        Assert.Equal(RegionalWorld.District, (await CachedHolderAsync(personId))!.RegionCode); // warm
        var staff = await CityStaffAsync(Permissions.CodeSubjects, Permissions.CodeSubjectsEdit);

        var refused = await staff.CorrectAsync("person", personId, new() { ["name"] = "诸葛改名", ["status"] = "stopped", ["reason"] = "试图改名" });
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("姓名来自实名认证，不能更正", page);
        Assert.Contains("个人码的状态由赋码规则、申诉和人工赋码决定", page);

        Redirected(await staff.CorrectAsync("person", personId, new() { ["regionCode"] = "220104", ["reason"] = "户籍迁移" }));
        Assert.Equal("220104", (await CachedHolderAsync(personId))!.RegionCode); // the people signal dropped the warm entry
        var stored = await host.QueryAsync(db => db.Set<Person>().SingleAsync(p => p.Id == personId));
        Assert.Equal(("诸葛户籍", "220104"), (stored.Name, stored.RegionCode));
        Assert.Single(await AuditOfAsync(host, "person", personId));
    }

    [Fact]
    public async Task City_staff_neither_open_nor_correct_another_regions_subject_nor_move_one_out_of_their_jurisdiction()
    {
        var inside = await EnterpriseAsync(RegionalWorld.District);
        var outside = await EnterpriseAsync(RegionalWorld.OtherCity);
        var staff = await CityStaffAsync(Permissions.CodeSubjects, Permissions.CodeSubjectsEdit);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync(DetailOf("enterprise", outside.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.CorrectAsync("enterprise", outside.Id, new() { ["status"] = "stopped", ["reason"] = "越界" }, formOf: inside.Id)).StatusCode);
        var moved = await staff.CorrectAsync("enterprise", inside.Id, new() { ["regionCode"] = RegionalWorld.OtherCity, ["reason"] = "迁往吉林市" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("更正后的地区必须在本辖区（220100）内", await moved.Content.ReadAsStringAsync());

        Assert.Equal((EnterpriseStatus.Active, RegionalWorld.OtherCity), await StateAsync(outside.Id));
        Assert.Equal((EnterpriseStatus.Active, RegionalWorld.District), await StateAsync(inside.Id));
        Assert.Empty(await AuditOfAsync(host, "enterprise", inside.Id));
        Assert.Empty(await AuditOfAsync(host, "enterprise", outside.Id));
    }

    [Fact]
    public async Task Without_the_edit_permission_there_is_no_correction_form_and_posting_one_is_forbidden()
    {
        var inside = await EnterpriseAsync(RegionalWorld.District);
        var viewer = await CityStaffAsync(Permissions.CodeSubjects);
        var detail = await viewer.GetPageAsync(DetailOf("enterprise", inside.Id));
        Assert.Contains(inside.Name, detail);
        Assert.DoesNotContain("subject-correct", detail);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.CorrectAsync("enterprise", inside.Id, new() { ["status"] = "stopped", ["reason"] = "无权" })).StatusCode);
        Assert.Equal((EnterpriseStatus.Active, RegionalWorld.District), await StateAsync(inside.Id));
        Assert.Empty(await AuditOfAsync(host, "enterprise", inside.Id));
    }

    [Theory]
    [InlineData("12345", "stopped", "核查", "地区编码应为6位数字")]
    [InlineData("220104", "stopped", " ", "更正原因不能为空")]
    [InlineData("220104", "frozen", "核查", "状态无效")]
    [InlineData("", "", "核查", "没有需要更正的内容")]
    public async Task Invalid_input_is_shown_on_the_page_and_writes_nothing(string region, string status, string reason, string message)
    {
        var inside = await EnterpriseAsync(RegionalWorld.District);
        var staff = await CityStaffAsync(Permissions.CodeSubjects, Permissions.CodeSubjectsEdit);
        var response = await staff.CorrectAsync("enterprise", inside.Id, new() { ["name"] = inside.Name, ["regionCode"] = region, ["status"] = status, ["reason"] = reason });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal((EnterpriseStatus.Active, RegionalWorld.District), await StateAsync(inside.Id));
        Assert.Empty(await AuditOfAsync(host, "enterprise", inside.Id));
    }

    private static string? Fact(JsonElement answer, string name) =>
        answer.GetProperty("subject").GetProperty("facts").EnumerateArray().First(f => f.GetProperty("name").GetString() == name).GetProperty("value").GetString();

    private async Task<CodeHolder?> CachedHolderAsync(long personId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CodeHolderCache>()
            .GetAsync(scope.ServiceProvider.GetRequiredService<MiniCode.Infrastructure.Hosting.Deferred<MiniCodeDbContext>>(), personId, CancellationToken.None);
    }

    private async Task<(EnterpriseStatus, string)> StateAsync(long id)
    {
        var e = await host.QueryAsync(db => db.Set<Enterprise>().SingleAsync(x => x.Id == id));
        return (e.Status, e.RegionCode);
    }

    private Task<Enterprise> EnterpriseAsync(string region) =>
        CodeSubjectsKit.EnterpriseAsync(host, RegionalWorld.Mark("更正企业"), region, EnterpriseStatus.Active);

    private async Task<AdminClient> CityStaffAsync(params string[] permissions)
    {
        var (user, password) = await AdminClient.StaffInRegionAsync(host, RegionalWorld.City, permissions);
        return await AdminClient.LoggedInAsync(host, user, password);
    }
}
