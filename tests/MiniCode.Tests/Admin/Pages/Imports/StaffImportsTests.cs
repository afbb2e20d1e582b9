using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.People;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Security;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Imports;

/// <summary>
/// 健康数据导入 by staff: rows outside the staff member's jurisdiction are refused, existing records are never
/// overwritten (corrections go through appeals and overrides), and nothing is applied until a second staff member with
/// the approve permission approves; rejecting discards. The authority's API keeps updating.
/// </summary>
public sealed class StaffImportsTests(RegionalWorld world) : IClassFixture<RegionalWorld>
{
    private const string RiskHeader = "document_type,document_number,kind,starts_on,ends_on\n";

    private Task<AdminClient> ImporterAsync(string? region = RegionalWorld.City) =>
        world.StaffAsync(region, Permissions.HealthImports, Permissions.HealthImportsApprove);

    private static async Task<long> UploadAsync(AdminClient staff, string kind, string csv)
    {
        var response = await staff.PostFileAsync("/admin/imports", new() { ["kind"] = kind }, "file", "import.csv", csv);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split("id=")[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> DecideAsync(AdminClient staff, string handler, long id) =>
        staff.PostFormAsync("/admin/imports", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/admin/imports?handler=" + handler);

    private Task<HealthDataImport> ImportAsync(long id) => world.QueryAsync(db => db.Set<HealthDataImport>().AsNoTracking().SingleAsync(i => i.Id == id));

    private Task<List<RiskListEntry>> RisksAsync(string idNumber)
    {
        var index = world.Services.GetRequiredService<PersonalDataProtector>().BlindIndex($"{DocumentType.ResidentId}:{idNumber}");
        return world.QueryAsync(db => db.Set<RiskListEntry>().AsNoTracking().Where(r => r.DocumentIndex == index).ToListAsync());
    }

    /// <summary>What the authority's API does with a CSV body (<c>POST /api/authority/imports/risk-list</c>).</summary>
    private async Task AuthorityImportAsync(string csv)
    {
        await using var scope = world.Services.CreateAsyncScope();
        await using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        await scope.ServiceProvider.GetRequiredService<HealthDataImporter>()
            .ImportAsync(ImportKind.RiskList, "csv", "authority:test", CsvRowReader.ReadAsync(body, CancellationToken.None), CancellationToken.None);
    }

    private Task<List<HealthDataImportRejection>> RejectionsAsync(long id) =>
        world.QueryAsync(db => db.Set<HealthDataImportRejection>().AsNoTracking().Where(r => r.ImportId == id).OrderBy(r => r.Line).ToListAsync());

    [Fact]
    public async Task A_staff_import_is_applied_only_after_another_staff_member_approves()
    {
        var (_, idNumber) = await world.PersonWithIdNumberAsync(RegionalWorld.District);
        var submitter = await ImporterAsync();
        var id = await UploadAsync(submitter, "RiskList", RiskHeader + $"ResidentId,{idNumber},close_contact,2026-11-20,\n");
        Assert.Equal((ImportStatus.Pending, 1L, 0L), ((await ImportAsync(id)).Status, (await ImportAsync(id)).AcceptedRows, (await ImportAsync(id)).RejectedRows));
        Assert.Empty(await RisksAsync(idNumber));
        Assert.Contains($"data-import=\"{id}\"", await submitter.GetPageAsync("/admin/imports"));

        // The submitter cannot approve their own import, even holding the approve permission.
        var own = await DecideAsync(submitter, "Approve", id);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("导入须由另一名工作人员审批", await own.Content.ReadAsStringAsync());
        Assert.Empty(await RisksAsync(idNumber));

        // Import staff without the approve permission cannot either.
        var plain = await world.CityStaffAsync(Permissions.HealthImports);
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(plain, "Approve", id)).StatusCode);

        var approver = await ImporterAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(approver, "Approve", id)).StatusCode);
        var risk = Assert.Single(await RisksAsync(idNumber));
        Assert.Equal(new DateOnly(2026, 11, 20), risk.StartsOn);
        var applied = await ImportAsync(id);
        Assert.Equal(ImportStatus.Applied, applied.Status);
        Assert.NotEqual(applied.SubmittedBy, applied.DecidedBy);
        Assert.Empty(await world.QueryAsync(db => db.Set<HealthDataImportStagedRow>().Where(r => r.ImportId == id).ToListAsync()));
        Assert.Equal(2, await world.AuditCountAsync("health_data_import", id));
        // Approved once: a second approval is refused.
        Assert.Contains("该导入已处理", await (await DecideAsync(approver, "Approve", id)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Rows_outside_the_jurisdiction_are_rejected_with_a_reason()
    {
        var (_, inside) = await world.PersonWithIdNumberAsync(RegionalWorld.District);
        var (_, otherCity) = await world.PersonWithIdNumberAsync(RegionalWorld.OtherCity);
        var unknown = TestUsers.NextIdNumber(new DateOnly(1990, 1, 1), "220102");
        var submitter = await ImporterAsync();
        var id = await UploadAsync(submitter, "RiskList", RiskHeader
            + $"ResidentId,{inside},confirmed,2026-11-21,\n" + $"ResidentId,{otherCity},confirmed,2026-11-21,\n" + $"ResidentId,{unknown},confirmed,2026-11-21,\n");
        var import = await ImportAsync(id);
        Assert.Equal((3L, 1L, 2L), (import.TotalRows, import.AcceptedRows, import.RejectedRows));
        Assert.Equal(RegionalWorld.City, import.RegionCode);
        var reasons = (await RejectionsAsync(id)).Select(r => r.Reason).ToList();
        Assert.All(reasons, r => Assert.Contains("不在本辖区（220100）内", r));
        Assert.Equal(reasons[0], reasons[1]); // unknown and outside: the same answer

        var regions = await UploadAsync(submitter, "Regions", "region_code,starts_on,ends_on\n220102,2026-11-21,\n220200,2026-11-21,\n110000,2026-11-21,\n");
        Assert.Equal((1L, 2L), ((await ImportAsync(regions)).AcceptedRows, (await ImportAsync(regions)).RejectedRows));
        Assert.All(await RejectionsAsync(regions), r => Assert.Equal("地区不在本辖区（220100）内", r.Reason));

        // Approvers of another city do not see it: 404, nothing applied.
        var elsewhere = await ImporterAsync(RegionalWorld.OtherCity);
        Assert.DoesNotContain($"data-import=\"{id}\"", await elsewhere.GetPageAsync("/admin/imports"));
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(elsewhere, "Approve", id)).StatusCode);
        Assert.Equal(ImportStatus.Pending, (await ImportAsync(id)).Status);
    }

    [Fact]
    public async Task Existing_records_are_not_overwritten_by_staff_while_the_authority_still_updates_them()
    {
        var (_, idNumber) = await world.PersonWithIdNumberAsync(RegionalWorld.District);
        await AuthorityImportAsync(RiskHeader + $"ResidentId,{idNumber},quarantine,2026-11-10,2026-11-24\n");

        var submitter = await ImporterAsync();
        var id = await UploadAsync(submitter, "RiskList", RiskHeader
            + $"ResidentId,{idNumber},quarantine,2026-11-10,2026-11-11\n" + $"ResidentId,{idNumber},close_contact,2026-11-12,\n" + $"ResidentId,{idNumber},close_contact,2026-11-12,\n");
        var rejections = await RejectionsAsync(id);
        Assert.Equal([2L, 4L], rejections.Select(r => r.Line));
        Assert.Contains("更正已有记录请走纠错申诉或人工赋码", rejections[0].Reason);
        Assert.Contains("重复", rejections[1].Reason);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(await ImporterAsync(), "Approve", id)).StatusCode);
        var risks = await RisksAsync(idNumber);
        Assert.Equal(new DateOnly(2026, 11, 24), risks.Single(r => r.Kind == Features.HealthCodes.Engine.RiskKind.Quarantine).EndsOn);
        Assert.Equal(2, risks.Count);

        // The authority's API keeps correcting on the natural key.
        await AuthorityImportAsync(RiskHeader + $"ResidentId,{idNumber},quarantine,2026-11-10,2026-11-15\n");
        Assert.Equal(new DateOnly(2026, 11, 15), (await RisksAsync(idNumber)).Single(r => r.Kind == Features.HealthCodes.Engine.RiskKind.Quarantine).EndsOn);
    }

    [Fact]
    public async Task Rejecting_a_pending_import_discards_it()
    {
        var (_, idNumber) = await world.PersonWithIdNumberAsync(RegionalWorld.District);
        var id = await UploadAsync(await ImporterAsync(), "RiskList", RiskHeader + $"ResidentId,{idNumber},suspected,2026-11-22,\n");
        var approver = await ImporterAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(approver, "Reject", id)).StatusCode);
        Assert.Equal(ImportStatus.Discarded, (await ImportAsync(id)).Status);
        Assert.Empty(await world.QueryAsync(db => db.Set<HealthDataImportStagedRow>().Where(r => r.ImportId == id).ToListAsync()));
        Assert.Contains("该导入已处理", await (await DecideAsync(approver, "Approve", id)).Content.ReadAsStringAsync());
        Assert.Empty(await RisksAsync(idNumber));
        Assert.DoesNotContain($"data-import=\"{id}\"", await approver.GetPageAsync("/admin/imports"));
    }

    [Fact]
    public async Task Rejected_rows_are_stored_masked_and_downloadable_only_by_the_submitter_and_approvers()
    {
        var (_, idNumber) = await world.PersonWithIdNumberAsync(RegionalWorld.District);
        var submitter = await world.CityStaffAsync(Permissions.HealthImports);
        var id = await UploadAsync(submitter, "RiskList", RiskHeader + $"ResidentId,{idNumber},sick,2026-11-22,\n");
        var stored = Assert.Single(await RejectionsAsync(id));
        Assert.DoesNotContain(idNumber, stored.Raw);
        Assert.Contains(idNumber[..3] + "***********" + idNumber[^4..], stored.Raw);

        foreach (var allowed in new[] { submitter, await world.CityStaffAsync(Permissions.HealthImports, Permissions.HealthImportsApprove) })
        {
            var report = await allowed.GetPageAsync($"/admin/imports/rejected?id={id}");
            Assert.Contains("kind 应为", report);
            Assert.DoesNotContain(idNumber, report);
        }
        var colleague = await world.CityStaffAsync(Permissions.HealthImports);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.Http.GetAsync($"/admin/imports/rejected?id={id}")).StatusCode);
        Assert.DoesNotContain($"/admin/imports/rejected?id={id}\"", await colleague.GetPageAsync("/admin/imports"));
        var elsewhere = await world.StaffAsync(RegionalWorld.OtherCity, Permissions.HealthImports, Permissions.HealthImportsApprove);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.Http.GetAsync($"/admin/imports/rejected?id={id}")).StatusCode);
    }
}
