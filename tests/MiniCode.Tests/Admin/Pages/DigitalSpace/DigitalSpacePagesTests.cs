using System.Net;
using MiniCode.Features.DigitalSpace;
using MiniCode.Features.Staff;
using MiniCode.Tests.DigitalSpace;

namespace MiniCode.Tests.Admin.Pages.DigitalSpace;

/// <summary>数字空间 pages: permissions (view / edit / review), the kinds catalogue with search and audit, and the jurisdiction of tags and objections.</summary>
public sealed class DigitalSpacePagesTests : IDisposable
{
    private readonly RegionalWorld _world = new();

    public void Dispose() => _world.Dispose();

    private static Dictionary<string, string> KindFields(string name, string basis = "StatutoryDuty", string reference = "某通知") => new()
    {
        ["Form.Name"] = name, ["Form.SubjectKind"] = "Person", ["Form.Source"] = "风险人员名单导入", ["Form.Purpose"] = "疫情防控", ["Form.BasisKind"] = basis,
        ["Form.BasisReference"] = reference, ["Form.RetentionDays"] = "30", ["Form.Status"] = "Active", ["Form.Categories"] = "personal", ["Form.RuleRiskKind"] = "",
    };

    [Fact]
    public async Task Each_page_and_change_needs_its_permission()
    {
        var none = await _world.StaffAsync(null, Permissions.Feedback);
        Assert.Equal(HttpStatusCode.Forbidden, (await none.Http.GetAsync("/admin/digitalspace")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await none.Http.GetAsync("/admin/digitalspace/tags")).StatusCode);

        var viewer = await _world.StaffAsync(null, Permissions.DigitalSpaceView);
        var page = await viewer.GetPageAsync("/admin/digitalspace");
        Assert.Contains("数字空间", page, StringComparison.Ordinal);
        Assert.DoesNotContain("add-kind", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/digitalspace/objections", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostFormAsync("/admin/digitalspace", KindFields("越权"), "/admin/digitalspace?handler=Add")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostFileAsync("/admin/digitalspace/tags?handler=Import", new(), "file", "t.csv", DigitalSpaceKit.Header)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Http.GetAsync("/admin/digitalspace/objections")).StatusCode);
        Assert.Equal(0, await _world.QueryAsync(db => db.Set<TagKind>().CountAsync()));

        var reviewer = await _world.StaffAsync(null, Permissions.DigitalSpaceView, Permissions.DigitalSpaceReview);
        Assert.Contains("暂无异议", await reviewer.GetPageAsync("/admin/digitalspace/objections"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_is_created_validated_searched_changed_and_audited()
    {
        var admin = await _world.SuperUserAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/digitalspace", KindFields("密接人员"), "/admin/digitalspace?handler=Add")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/digitalspace", KindFields("志愿者", "Consent", ""), "/admin/digitalspace?handler=Add")).StatusCode);
        var kind = await _world.QueryAsync(db => db.Set<TagKind>().SingleAsync(k => k.Name == "密接人员"));
        Assert.Equal((LegalBasisKind.StatutoryDuty, "某通知", "personal", 30), (kind.BasisKind, kind.BasisReference, kind.LinkedCategories, kind.RetentionDays));
        Assert.Equal(1, await _world.AuditCountAsync("tag_kind", kind.Id));

        // Duplicate names and retention outside the limit are refused on the form.
        var duplicate = await admin.PostFormAsync("/admin/digitalspace", KindFields("密接人员"), "/admin/digitalspace?handler=Add");
        Assert.Contains("已有同名的标签类型", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooLong = KindFields("太久");
        tooLong["Form.RetentionDays"] = "99999";
        Assert.Contains("保存期限应为", await (await admin.PostFormAsync("/admin/digitalspace", tooLong, "/admin/digitalspace?handler=Add")).Content.ReadAsStringAsync(),
            StringComparison.Ordinal);

        var found = await admin.GetPageAsync("/admin/digitalspace?q=密接");
        Assert.Contains("密接人员", found, StringComparison.Ordinal);
        Assert.DoesNotContain("志愿者", found, StringComparison.Ordinal);

        var change = KindFields("密接人员");
        change["Form.Status"] = "Disabled";
        change["id"] = kind.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/digitalspace", change, "/admin/digitalspace?handler=Update")).StatusCode);
        Assert.Equal(TagKindStatus.Disabled, await _world.QueryAsync(db => db.Set<TagKind>().Where(k => k.Id == kind.Id).Select(k => k.Status).SingleAsync()));
        Assert.Equal(2, await _world.AuditCountAsync("tag_kind", kind.Id));
    }

    [Fact]
    public async Task City_staff_import_see_and_review_only_tags_within_their_jurisdiction()
    {
        var (inside, insideNumber) = await _world.PersonWithIdNumberAsync(RegionalWorld.District);
        var (outside, outsideNumber) = await _world.PersonWithIdNumberAsync(RegionalWorld.OtherCity);
        var kind = await _world.KindAsync("重点人群", LegalBasisKind.StatutoryDuty, "某通知");
        var staff = await _world.CityStaffAsync(Permissions.DigitalSpaceView, Permissions.DigitalSpaceEdit, Permissions.DigitalSpaceReview);

        var upload = await staff.PostFileAsync("/admin/digitalspace/tags?handler=Import", new(), "file", "tags.csv",
            DigitalSpaceKit.Header + DigitalSpaceKit.Row("重点人群", insideNumber) + DigitalSpaceKit.Row("重点人群", outsideNumber));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var result = await staff.GetPageAsync(upload.Headers.Location!.OriginalString);
        Assert.Contains(TagImports.UnknownSubjectReason, result, StringComparison.Ordinal);
        Assert.DoesNotContain(outsideNumber, result, StringComparison.Ordinal);
        Assert.Equal(1, await _world.AuditCountAsync("tag.import", "1"));

        // Headquarters tag the outside person too; the city sees only its own.
        await _world.ImportTagsAsync(DigitalSpaceKit.Header + DigitalSpaceKit.Row("重点人群", outsideNumber));
        var tags = await _world.QueryAsync(db => db.Set<Tag>().ToDictionaryAsync(t => t.SubjectId, t => t.Id));
        var list = await staff.GetPageAsync($"/admin/digitalspace/tags?kind={kind.Id}");
        Assert.Contains($"data-id=\"{tags[inside]}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-id=\"{tags[outside]}\"", list, StringComparison.Ordinal);

        var mine = await _world.AddAsync(Objection(tags[inside], inside, "我不属于重点人群"));
        var theirs = await _world.AddAsync(Objection(tags[outside], outside, "外地的异议"));
        var queue = await staff.GetPageAsync("/admin/digitalspace/objections");
        Assert.Contains("我不属于重点人群", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("外地的异议", queue, StringComparison.Ordinal);

        var refused = await staff.PostFormAsync("/admin/digitalspace/objections", Decide(theirs.Id, true), "/admin/digitalspace/objections?handler=Decide");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(ObjectionStatus.Open, await _world.QueryAsync(db => db.Set<TagObjection>().Where(o => o.Id == theirs.Id).Select(o => o.Status).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect,
            (await staff.PostFormAsync("/admin/digitalspace/objections", Decide(mine.Id, true), "/admin/digitalspace/objections?handler=Decide")).StatusCode);
        Assert.NotNull(await _world.QueryAsync(db => db.Set<Tag>().Where(t => t.Id == tags[inside]).Select(t => t.RemovedAt).SingleAsync()));
        Assert.Equal(1, await _world.AuditCountAsync("tag_objection", mine.Id));
        // Decided once: a second decision is refused on the page.
        var again = await staff.PostFormAsync("/admin/digitalspace/objections", Decide(mine.Id, false), "/admin/digitalspace/objections?handler=Decide");
        Assert.Contains("该异议已处理", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private TagObjection Objection(long tagId, long personId, string reason) => new()
    {
        TagId = tagId, PersonId = personId, AccountId = 1, Reason = reason, Status = ObjectionStatus.Open, SubmittedAt = _world.Clock.GetUtcNow(),
    };

    private static Dictionary<string, string> Decide(long id, bool uphold) => new()
    {
        ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["uphold"] = uphold ? "true" : "false", ["answer"] = "已核实",
    };
}
