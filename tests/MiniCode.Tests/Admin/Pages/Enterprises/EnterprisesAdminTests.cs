using System.Net;
using MiniCode.Features.Audit;
using MiniCode.Features.Enterprises;
using MiniCode.Features.Staff;
using MiniCode.Tests.Enterprises;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Enterprises;

/// <summary>企业码管理 over HTTP: enterprises of the jurisdiction, bound staff masked, suspend (codes revoked) and resume, audited.</summary>
public sealed class EnterprisesAdminTests
{
    [Fact]
    public async Task City_staff_list_their_enterprises_and_suspending_one_revokes_its_codes_until_resumed()
    {
        using var host = new HealthCodesFactory();
        var legal = await host.CitizenAsync("皇甫法人");
        var code = EnterprisesKit.NewCreditCode("220102");
        var name = "长春市" + RegionalWorld.Mark("皇甫实业");
        await host.RegisterAsync(code, name, "220102", legal);
        var binding = await legal.BoundAsync(name, code, "legalRepresentative");
        var otherCode = EnterprisesKit.NewCreditCode("220200");
        var otherName = "吉林市" + RegionalWorld.Mark("外地实业");
        await host.RegisterAsync(otherCode, otherName, "220200", legal);
        await legal.BoundAsync(otherName, otherCode, "legalRepresentative");
        var payload = await legal.EnterpriseCodeAsync(binding);

        var (user, password) = await AdminClient.StaffInRegionAsync(host, RegionalWorld.City, Permissions.Enterprises);
        var staff = await AdminClient.LoggedInAsync(host, user, password);
        var list = await staff.GetPageAsync("/admin/enterprises");
        Assert.Contains(name, list);
        Assert.DoesNotContain(otherName, list);
        var id = await host.QueryAsync(db => db.Set<Enterprise>().Where(e => e.CreditCode == code).Select(e => e.Id).SingleAsync());
        var otherId = await host.QueryAsync(db => db.Set<Enterprise>().Where(e => e.CreditCode == otherCode).Select(e => e.Id).SingleAsync());
        var detail = await staff.GetPageAsync($"/admin/enterprises/detail?id={id}");
        Assert.Contains("皇**", detail);
        Assert.DoesNotContain("皇甫法人", detail);
        Assert.DoesNotContain(legal.IdNumber!, detail);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/enterprises/detail?id={otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostFormAsync($"/admin/enterprises/detail?id={id}", new() { ["reason"] = "越界" },
            $"/admin/enterprises/detail?handler=Suspend&id={otherId}")).StatusCode);

        var noReason = await staff.PostFormAsync($"/admin/enterprises/detail?id={id}", new() { ["reason"] = " " }, $"/admin/enterprises/detail?handler=Suspend&id={id}");
        Assert.Contains("暂停原因不能为空", await noReason.Content.ReadAsStringAsync());
        var suspended = await staff.PostFormAsync($"/admin/enterprises/detail?id={id}", new() { ["reason"] = "涉嫌冒用" }, $"/admin/enterprises/detail?handler=Suspend&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        var verifier = host.Partner();
        var revoked = await verifier.VerifyAsync(payload);
        Assert.Equal((false, "revoked", "suspended"), (revoked.GetProperty("valid").GetBoolean(), revoked.GetProperty("reason").GetString(),
            revoked.GetProperty("subject").GetProperty("state").GetString()));
        await HttpAssert.Problem(await legal.Client.GetAsync($"/api/me/enterprises/{binding}/code"), HttpStatusCode.Conflict, "enterprises.suspended");
        var another = await host.CitizenAsync("皇甫员工");
        await HttpAssert.Problem(await another.BindAsync(name, code), HttpStatusCode.Conflict, "enterprises.suspended");

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/admin/enterprises/detail?id={id}", new(), $"/admin/enterprises/detail?handler=Resume&id={id}")).StatusCode);
        Assert.True((await verifier.VerifyAsync(payload)).GetProperty("valid").GetBoolean());
        Assert.Equal(["enterprise.resume", "enterprise.suspend"], await host.QueryAsync(db => db.Set<AuditEntry>()
            .Where(e => e.TargetType == "enterprise" && e.TargetId == id.ToString()).OrderByDescending(e => e.Id).Select(e => e.Action).ToListAsync()));
    }
}
