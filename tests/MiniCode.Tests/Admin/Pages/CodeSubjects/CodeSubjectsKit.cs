using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Enterprises;
using MiniCode.Tests.Enterprises;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.CodeSubjects;

public static class CodeSubjectsKit
{
    public static string DetailOf(string kind, long id) => $"/admin/codesubjects/detail?kind={kind}&id={id}";

    /// <summary>Posts the correction form of a subject's detail page (the form page is that of <paramref name="formOf"/>, for the token).</summary>
    public static Task<HttpResponseMessage> CorrectAsync(this AdminClient staff, string kind, long id, Dictionary<string, string> fields, long? formOf = null) =>
        staff.PostFormAsync(DetailOf(kind, formOf ?? id), new(fields) { ["kind"] = kind, ["id"] = id.ToString() },
            $"/admin/codesubjects/detail?handler=Correct&kind={kind}&id={id}");

    /// <summary>An enterprise as a verified bind leaves it, without a binding.</summary>
    public static async Task<Enterprise> EnterpriseAsync(MiniCodeFactory host, string name, string region, EnterpriseStatus status)
    {
        _ = host.Services;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var enterprise = new Enterprise
        {
            Name = name, CreditCode = EnterprisesKit.NewCreditCode(region), RegionCode = region, Status = status, CreatedAt = host.Clock.GetUtcNow(),
            SuspendedAt = status == EnterpriseStatus.Suspended ? host.Clock.GetUtcNow() : null,
        };
        db.Add(enterprise);
        await db.SaveChangesAsync();
        return enterprise;
    }

    /// <summary>The enterprise a citizen bound through the registry, and the payload of their enterprise code.</summary>
    public static async Task<(long EnterpriseId, string Payload)> BoundEnterpriseAsync(MiniCodeFactory host, TestUser legal, string name, string region)
    {
        var code = EnterprisesKit.NewCreditCode(region);
        await host.RegisterAsync(code, name, region, legal);
        var binding = await legal.BoundAsync(name, code, "legalRepresentative");
        var id = await HealthCodes.HealthCodeKit.QueryAsync(host, db => db.Set<Enterprise>().Where(e => e.CreditCode == code).Select(e => e.Id).SingleAsync());
        return (id, await legal.EnterpriseCodeAsync(binding));
    }

    public static Task<List<AuditEntry>> AuditOfAsync(MiniCodeFactory host, string type, long id) =>
        HealthCodes.HealthCodeKit.QueryAsync(host, db => db.Set<AuditEntry>().Where(e => e.TargetType == type && e.TargetId == id.ToString())
            .OrderBy(e => e.Id).ToListAsync());

    public static void Redirected(HttpResponseMessage response) => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
}
