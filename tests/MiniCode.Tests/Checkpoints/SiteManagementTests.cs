using System.Net;
using System.Net.Http.Json;
using MiniCode.Features.Audit;
using MiniCode.Infrastructure.Logging;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Checkpoints;

/// <summary>站点管理 and 扫码员管理: each action's effect on who can log in and who manages whom.</summary>
public sealed class SiteManagementTests(CheckpointsFactory factory) : IClassFixture<CheckpointsFactory>
{
    private async Task<(TestScanner Senior, TestScanner Middle, TestScanner Ordinary)> LineAsync()
    {
        var (_, siteId) = await factory.SiteAsync();
        var senior = await factory.SeniorAsync(siteId);
        var middle = await factory.AddScannerAsync(senior, "intermediate", name: "中级员");
        var ordinary = await factory.AddScannerAsync(middle, "ordinary", name: "普通员");
        return (senior, middle, ordinary);
    }

    private async Task AssertCannotLogInAsync(TestScanner scanner, string code = "checkpoint.account_disabled")
    {
        await HttpAssert.Problem(await scanner.Client.GetAsync("/api/checkpoint/me"), HttpStatusCode.Unauthorized, "auth.session_revoked");
        await HttpAssert.Problem(await factory.LoginResponseAsync(scanner.Phone, scanner.Password), HttpStatusCode.Forbidden, code);
    }

    [Fact]
    public async Task Disabling_a_line_stops_the_account_and_everyone_below_it()
    {
        var (senior, middle, ordinary) = await LineAsync();
        await HttpAssert.Problem(await ordinary.Client.PostAsync($"/api/checkpoint/scanners/{middle.AccountId}/disable-line", null),
            HttpStatusCode.Forbidden, "checkpoint.role_forbidden");
        await HttpAssert.Problem(await middle.Client.PostAsync($"/api/checkpoint/scanners/{senior.AccountId}/disable-line", null),
            HttpStatusCode.NotFound, "checkpoint.scanner_not_found");
        var result = await HttpAssert.Ok(await senior.Client.PostAsync($"/api/checkpoint/scanners/{middle.AccountId}/disable-line", null));
        Assert.Equal([middle.AccountId, ordinary.AccountId], result.GetProperty("accountIds").EnumerateArray().Select(e => e.GetInt64()).ToArray());
        Assert.Equal(2, result.GetProperty("sessionsRevoked").GetInt32());
        await AssertCannotLogInAsync(middle);
        await AssertCannotLogInAsync(ordinary);
        await HttpAssert.Ok(await senior.Client.GetAsync("/api/checkpoint/me"));
        var detail = await HttpAssert.Ok(await senior.Client.GetAsync($"/api/checkpoint/scanners/{ordinary.AccountId}"));
        Assert.Equal("disabled", detail.GetProperty("status").GetString());
        Assert.True(await factory.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "checkpoint.line_disable" && a.TargetId == middle.AccountId.ToString())));

        // Enabling one account brings back only that one.
        await HttpAssert.Ok(await senior.Client.PostAsync($"/api/checkpoint/scanners/{middle.AccountId}/enable", null));
        await factory.ScannerLoginAsync(middle.Phone, middle.Password);
        await HttpAssert.Problem(await factory.LoginResponseAsync(ordinary.Phone, ordinary.Password), HttpStatusCode.Forbidden, "checkpoint.account_disabled");
    }

    [Fact]
    public async Task Disabling_one_account_leaves_its_subordinates_working()
    {
        var (senior, middle, ordinary) = await LineAsync();
        await HttpAssert.Problem(await senior.Client.PostAsync($"/api/checkpoint/scanners/{senior.AccountId}/disable", null),
            HttpStatusCode.BadRequest, "checkpoint.cannot_target_self");
        var result = await HttpAssert.Ok(await senior.Client.PostAsync($"/api/checkpoint/scanners/{middle.AccountId}/disable", null));
        Assert.Equal([middle.AccountId], result.GetProperty("accountIds").EnumerateArray().Select(e => e.GetInt64()).ToArray());
        await AssertCannotLogInAsync(middle);
        await HttpAssert.Ok(await ordinary.Client.GetAsync("/api/checkpoint/me"));
        var again = await factory.ScannerLoginAsync(ordinary.Phone, ordinary.Password);
        var citizen = await factory.CitizenAsync();
        await citizen.DeclareAsync();
        await (ordinary with { Client = again }).ScanOkAsync(citizen);
    }

    [Fact]
    public async Task Replacing_a_person_hands_over_role_and_line_and_the_replaced_one_becomes_ordinary()
    {
        var (senior, middle, ordinary) = await LineAsync();
        var substitute = await factory.AddScannerAsync(senior, "ordinary", name: "替补员");
        var (_, otherSite) = await factory.SiteAsync("外站");
        var stranger = await factory.SeniorAsync(otherSite);
        await HttpAssert.Problem(await senior.Client.PostJson($"/api/checkpoint/scanners/{middle.AccountId}/replace", new { replacementAccountId = stranger.AccountId }),
            HttpStatusCode.BadRequest, "checkpoint.replacement_invalid");
        await HttpAssert.Problem(await senior.Client.PostJson($"/api/checkpoint/scanners/{middle.AccountId}/replace", new { replacementAccountId = (long?)null }),
            HttpStatusCode.BadRequest, "request.validation_failed");

        var replaced = await HttpAssert.Ok(await senior.Client.PostJson($"/api/checkpoint/scanners/{middle.AccountId}/replace", new { replacementAccountId = substitute.AccountId }));
        Assert.Equal("intermediate", replaced.GetProperty("role").GetString());
        Assert.Equal(senior.AccountId, replaced.GetProperty("parentAccountId").GetInt64());

        // The substitute now manages the line; the replaced one is an ordinary scanner under them and manages nothing.
        var line = await HttpAssert.Ok(await substitute.Client.GetAsync("/api/checkpoint/scanners"));
        Assert.Equal(new[] { middle.AccountId, ordinary.AccountId }.Order(), line.EnumerateArray().Select(s => s.GetProperty("accountId").GetInt64()).Order());
        var former = await HttpAssert.Ok(await substitute.Client.GetAsync($"/api/checkpoint/scanners/{middle.AccountId}"));
        Assert.Equal("ordinary", former.GetProperty("role").GetString());
        Assert.Equal(substitute.AccountId, former.GetProperty("parentAccountId").GetInt64());
        await HttpAssert.Problem(await middle.Client.GetAsync("/api/checkpoint/scanners"), HttpStatusCode.Forbidden, "checkpoint.role_forbidden");
        await HttpAssert.Ok(await middle.Client.GetAsync("/api/checkpoint/me"));
    }

    [Fact]
    public async Task Stopping_a_site_stops_all_its_users()
    {
        var (senior, _, _) = await LineAsync();
        var added = await HttpAssert.Ok(await senior.Client.PostJson("/api/checkpoint/sites", new { name = "新站点", regionCode = "220102", address = "新街1号", remarks = "夜间" }));
        var siteB = added.GetProperty("id").GetInt64();
        var worker = await factory.AddScannerAsync(senior, "ordinary", siteB);
        var result = await HttpAssert.Ok(await senior.Client.PostAsync($"/api/checkpoint/sites/{siteB}/stop", null));
        Assert.Equal([worker.AccountId], result.GetProperty("accountIds").EnumerateArray().Select(e => e.GetInt64()).ToArray());
        await AssertCannotLogInAsync(worker);
        await HttpAssert.Ok(await senior.Client.GetAsync("/api/checkpoint/me"));
        var sites = await HttpAssert.Ok(await senior.Client.GetAsync("/api/checkpoint/sites"));
        var stopped = sites.EnumerateArray().Single(s => s.GetProperty("site").GetProperty("id").GetInt64() == siteB);
        Assert.Equal("stopped", stopped.GetProperty("site").GetProperty("status").GetString());
        // Re-enabling a scanner of a stopped site is refused; so is adding one there.
        await HttpAssert.Problem(await senior.Client.PostAsync($"/api/checkpoint/scanners/{worker.AccountId}/enable", null), HttpStatusCode.Forbidden, "checkpoint.site_stopped");
        await HttpAssert.Problem(await senior.Client.PostJson("/api/checkpoint/scanners", new
        {
            siteId = siteB, idNumber = CheckpointKit.NextId(), name = "后来者", phone = IdentityTestKit.NextPhone(), password = CheckpointKit.Password, role = "ordinary",
        }), HttpStatusCode.Forbidden, "checkpoint.site_stopped");
    }

    [Fact]
    public async Task Sites_are_listed_with_their_scanners_added_and_edited_within_the_organisation()
    {
        var (senior, middle, ordinary) = await LineAsync();
        var sites = await HttpAssert.Ok(await senior.Client.GetAsync("/api/checkpoint/sites"));
        var own = Assert.Single(sites.EnumerateArray());
        Assert.Equal(new[] { middle.AccountId, ordinary.AccountId }, own.GetProperty("scanners").EnumerateArray().Select(s => s.GetProperty("accountId").GetInt64()).ToArray());
        await HttpAssert.Problem(await ordinary.Client.GetAsync("/api/checkpoint/sites"), HttpStatusCode.Forbidden, "checkpoint.role_forbidden");

        await HttpAssert.Problem(await senior.Client.PostJson("/api/checkpoint/sites", new { name = "外省站点", regionCode = "110105" }),
            HttpStatusCode.BadRequest, "request.validation_failed");
        var site = await HttpAssert.Ok(await middle.Client.PostJson("/api/checkpoint/sites", new { name = "东站", regionCode = "220102" }));
        var id = site.GetProperty("id").GetInt64();
        var edited = await HttpAssert.Ok(await middle.Client.PutAsJsonAsync($"/api/checkpoint/sites/{id}", new { name = "东站北口", regionCode = "220102", address = "东街2号" }));
        Assert.Equal("东站北口", edited.GetProperty("name").GetString());
        // The new site is a 下级站点 of their own site, whose subtree the senior scanner manages (001 §二(四)).
        Assert.Equal(own.GetProperty("site").GetProperty("id").GetInt64(), edited.GetProperty("parentId").GetInt64());
        Assert.Equal("南口", (await HttpAssert.Ok(await senior.Client.PutAsJsonAsync($"/api/checkpoint/sites/{id}", new { name = "南口", regionCode = "220102" })))
            .GetProperty("name").GetString());
        Assert.True(await factory.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "checkpoint.site_edit" && a.TargetId == id.ToString())));
    }

    [Fact]
    public async Task Scanner_management_adds_below_lists_the_line_and_shows_masked_details()
    {
        var (senior, middle, ordinary) = await LineAsync();
        var idNumber = CheckpointKit.NextId();
        var check = await HttpAssert.Ok(await middle.Client.PostJson("/api/checkpoint/scanners/check", new { siteId = middle.SiteId, idNumber }));
        Assert.True(check.GetProperty("available").GetBoolean());
        Assert.Equal(["ordinary"], check.GetProperty("allowedRoles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var phone = IdentityTestKit.NextPhone();
        object New(string role, string? p = null, string? id = null) =>
            new { siteId = middle.SiteId, idNumber = id ?? idNumber, name = "新扫码员", phone = p ?? phone, password = CheckpointKit.Password, role, remarks = "白班" };
        await HttpAssert.Problem(await middle.Client.PostJson("/api/checkpoint/scanners", New("intermediate")), HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await ordinary.Client.PostJson("/api/checkpoint/scanners", New("ordinary")), HttpStatusCode.Forbidden, "checkpoint.role_forbidden");
        await HttpAssert.Problem(await middle.Client.PostJson("/api/checkpoint/scanners", New("ordinary", p: ordinary.Phone)), HttpStatusCode.Conflict, "checkpoint.phone_taken");
        var added = await HttpAssert.Ok(await middle.Client.PostJson("/api/checkpoint/scanners", New("ordinary")));
        await HttpAssert.Problem(await middle.Client.PostJson("/api/checkpoint/scanners", New("ordinary", p: IdentityTestKit.NextPhone())), HttpStatusCode.Conflict, "checkpoint.id_number_taken");
        Assert.False((await HttpAssert.Ok(await middle.Client.PostJson("/api/checkpoint/scanners/check", new { siteId = middle.SiteId, idNumber }))).GetProperty("available").GetBoolean());

        var detail = await HttpAssert.Ok(await senior.Client.GetAsync($"/api/checkpoint/scanners/{added.GetProperty("accountId").GetInt64()}"));
        Assert.Equal(SensitiveDataMasker.MaskIdNumber(idNumber), detail.GetProperty("idNumber").GetString());
        Assert.Equal(SensitiveDataMasker.MaskPhone(phone), detail.GetProperty("phone").GetString());
        Assert.Equal("新扫码员", detail.GetProperty("name").GetString());
        Assert.Equal("ordinary", detail.GetProperty("role").GetString());
        Assert.Equal("active", detail.GetProperty("status").GetString());
        Assert.Equal("白班", detail.GetProperty("remarks").GetString());
        Assert.NotEmpty(detail.GetProperty("siteName").GetString()!);

        var line = await HttpAssert.Ok(await senior.Client.GetAsync("/api/checkpoint/scanners"));
        Assert.Equal(3, line.GetArrayLength());
        await HttpAssert.Problem(await middle.Client.GetAsync($"/api/checkpoint/scanners/{senior.AccountId}"), HttpStatusCode.NotFound, "checkpoint.scanner_not_found");
    }
}
