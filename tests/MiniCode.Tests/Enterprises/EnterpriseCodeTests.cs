using System.Net;
using MiniCode.Features.Enterprises;
using MiniCode.Tests.Appointments;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Enterprises;

/// <summary>企业码 over HTTP: bind with the registry's proof (simulated wire), show and verify the code, 企业解绑, refusals.</summary>
public sealed class EnterpriseCodeTests
{
    [Fact]
    public async Task Legal_representative_and_staff_bind_show_codes_that_verify_with_the_enterprise_and_unbinding_revokes()
    {
        using var host = new HealthCodesFactory();
        var legal = await host.CitizenAsync("欧阳法人");
        var staff = await host.CitizenAsync("司马员工");
        var code = EnterprisesKit.NewCreditCode("220102");
        await host.RegisterAsync(code, "长春市南关区幸福科技有限公司", "220102", legal, staff);

        var bound = await HttpAssert.Ok(await legal.BindAsync("长春市南关区幸福科技有限公司", code.ToLowerInvariant(), "legalRepresentative"), HttpStatusCode.Created);
        Assert.Equal((code, "legalRepresentative", "active", "220102"), (bound.GetProperty("creditCode").GetString(), bound.GetProperty("role").GetString(),
            bound.GetProperty("status").GetString(), bound.GetProperty("regionCode").GetString()));
        var staffBinding = await staff.BoundAsync("长春市南关区幸福科技有限公司", code);
        Assert.Equal(1, await host.QueryAsync(db => db.Set<Enterprise>().CountAsync(e => e.CreditCode == code))); // one enterprise, two bound
        await HttpAssert.Problem(await staff.BindAsync("长春市南关区幸福科技有限公司", code), HttpStatusCode.Conflict, "enterprises.already_bound");
        Assert.Single((await HttpAssert.Ok(await staff.Client.GetAsync("/api/me/enterprises"))).EnumerateArray());

        var payload = await staff.EnterpriseCodeAsync(staffBinding);
        var png = await staff.Client.GetAsync($"/api/me/enterprises/{staffBinding}/code.png");
        Assert.StartsWith("MC1:", HealthCodeKit.Zbar(await png.Content.ReadAsByteArrayAsync(), ".png"));
        Assert.Contains("<svg", await (await staff.Client.GetAsync($"/api/me/enterprises/{staffBinding}/code.svg")).Content.ReadAsStringAsync());
        var verifier = host.Partner();
        var verified = await verifier.VerifyAsync(payload);
        Assert.Equal((true, "enterprise"), (verified.GetProperty("valid").GetBoolean(), verified.GetProperty("type").GetString()));
        var subject = verified.GetProperty("subject");
        Assert.Equal(("长春市南关区幸福科技有限公司", "司***", "active"), (subject.GetProperty("title").GetString(), subject.GetProperty("maskedHolder").GetString(), subject.GetProperty("state").GetString()));
        var facts = BookingTests.Facts(subject);
        Assert.Equal(("220102", "员工", code), (facts["region"], facts["role"], facts["creditCode"]));
        await HttpAssert.Problem(await legal.Client.GetAsync($"/api/me/enterprises/{staffBinding}/code"), HttpStatusCode.NotFound, "enterprises.not_found");

        Assert.Equal(HttpStatusCode.NoContent, (await staff.Client.DeleteAsync($"/api/me/enterprises/{staffBinding}")).StatusCode);
        var revoked = await verifier.VerifyAsync(payload);
        Assert.Equal((false, "revoked", "unbound"), (revoked.GetProperty("valid").GetBoolean(), revoked.GetProperty("reason").GetString(),
            revoked.GetProperty("subject").GetProperty("state").GetString()));
        await HttpAssert.Problem(await staff.Client.DeleteAsync($"/api/me/enterprises/{staffBinding}"), HttpStatusCode.NotFound, "enterprises.not_found");
        Assert.Empty((await HttpAssert.Ok(await staff.Client.GetAsync("/api/me/enterprises"))).EnumerateArray());
        await staff.BoundAsync("长春市南关区幸福科技有限公司", code); // binding again after 企业解绑
        Assert.True((await verifier.VerifyAsync(await legal.EnterpriseCodeAsync(bound.GetProperty("id").GetInt64()))).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Bad_credit_codes_mismatches_and_an_unavailable_registry_are_refused_without_binding()
    {
        using var host = new HealthCodesFactory();
        var legal = await host.CitizenAsync("诸葛法人");
        var stranger = await host.CitizenAsync("上官路人");
        var code = EnterprisesKit.NewCreditCode("220200");
        await host.RegisterAsync(code, "吉林市诸葛商贸有限公司", "220200", legal);

        var wrongCheck = code[..17] + (code[17] == '0' ? '1' : '0');
        foreach (var bad in new[] { wrongCheck, code[..17], code + "1", "91220200MA0Y5BQ7IO", "" })
        {
            var problem = await HttpAssert.Problem(await legal.BindAsync("吉林市诸葛商贸有限公司", bad, "legalRepresentative"), HttpStatusCode.BadRequest, "request.validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("creditCode", out _), bad);
        }
        await HttpAssert.Problem(await legal.Client.PostJson("/api/me/enterprises", new { name = "吉林市诸葛商贸有限公司", creditCode = code, role = "boss" }),
            HttpStatusCode.BadRequest, "request.validation_failed");

        // The registry says no: a wrong name, a person who is not the legal representative or not insured staff, an unknown code.
        await HttpAssert.Problem(await legal.BindAsync("吉林市别的公司", code, "legalRepresentative"), HttpStatusCode.Forbidden, "enterprises.not_verified");
        await HttpAssert.Problem(await stranger.BindAsync("吉林市诸葛商贸有限公司", code, "legalRepresentative"), HttpStatusCode.Forbidden, "enterprises.not_verified");
        await HttpAssert.Problem(await stranger.BindAsync("吉林市诸葛商贸有限公司", code, "staff"), HttpStatusCode.Forbidden, "enterprises.not_verified");
        await HttpAssert.Problem(await legal.BindAsync("无此企业", EnterprisesKit.NewCreditCode(), "staff"), HttpStatusCode.Forbidden, "enterprises.not_verified");

        // The registry is down: 503 with its Retry-After, nothing bound; the next call goes through.
        Assert.Equal(HttpStatusCode.NoContent, (await host.CreateClient().PostAsync("/simulator/enterprise/simulator/outage?calls=1&retryAfter=42", null)).StatusCode);
        var down = await legal.BindAsync("吉林市诸葛商贸有限公司", code, "legalRepresentative");
        await HttpAssert.Problem(down, HttpStatusCode.ServiceUnavailable, "enterprises.registry_unavailable");
        Assert.Equal(TimeSpan.FromSeconds(42), down.Headers.RetryAfter?.Delta);
        Assert.False(await host.QueryAsync(db => db.Set<EnterpriseBinding>().AnyAsync()));
        await legal.BoundAsync("吉林市诸葛商贸有限公司", code, "legalRepresentative");

        var anonymous = await host.AnonymousCitizenAsync();
        await HttpAssert.Problem(await anonymous.BindAsync("吉林市诸葛商贸有限公司", code), HttpStatusCode.Forbidden, "auth.real_name_required");
    }
}
