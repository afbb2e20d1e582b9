using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.HealthCodes.Applications;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.CodeApps;

/// <summary>码应用管理 over HTTP: register (key shown once), switch 扫码权限 off (403 at once), rotate, audit.</summary>
public sealed partial class CodeAppPagesTests
{
    [Fact]
    public async Task Staff_register_an_application_see_its_key_once_and_switch_its_verification_off()
    {
        using var factory = new HealthCodesFactory();
        var admin = await AdminClient.LoggedInAsync(factory);

        var created = await admin.PostFormAsync("/admin/codeapps", new()
        {
            ["name"] = "社区门禁", ["owner"] = "某物业 孙七", ["regionCode"] = "220102", ["verifyEnabled"] = "true", ["verifyCategories"] = "personal",
            ["seesMaskedName"] = "true",
        }, "/admin/codeapps?handler=Create");
        var html = await created.Content.ReadAsStringAsync();
        var key = KeyShown().Match(html).Groups[1].Value;
        Assert.StartsWith("mca_", key, StringComparison.Ordinal);
        Assert.DoesNotContain(key, await admin.GetPageAsync("/admin/codeapps")); // shown once
        var app = factory.WithKey(key);
        await HttpAssert.Ok(await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }));

        var id = await factory.QueryAsync(db => db.Set<CodeApplication>().Where(a => a.Name == "社区门禁").Select(a => a.Id).SingleAsync());
        await admin.PostFormAsync("/admin/codeapps", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["what"] = "verify", ["on"] = "False" },
            "/admin/codeapps?handler=Switch");
        await HttpAssert.Problem(await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }), HttpStatusCode.Forbidden, "codes.verify_not_permitted");

        var rotated = await admin.PostFormAsync("/admin/codeapps", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/admin/codeapps?handler=Rotate");
        Assert.NotEqual(key, KeyShown().Match(await rotated.Content.ReadAsStringAsync()).Groups[1].Value);
        var actions = await factory.QueryAsync(db => db.Set<AuditEntry>().Where(a => a.TargetType == "code_application").Select(a => a.Action).ToListAsync());
        Assert.Equal(["code_app.create", "code_app.update", "code_app.rotate_key"], actions);
        Assert.DoesNotContain(await factory.QueryAsync(db => db.Set<AuditEntry>().Select(a => a.After ?? "").ToListAsync()), a => a.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_region_outside_the_jurisdiction_is_refused()
    {
        using var factory = new HealthCodesFactory();
        var admin = await AdminClient.LoggedInAsync(factory);
        var refused = await admin.PostFormAsync("/admin/codeapps", new() { ["name"] = "坏地区", ["owner"] = "某单位", ["regionCode"] = "22" },
            "/admin/codeapps?handler=Create");
        Assert.Contains("行政区划代码须为6位数字", await refused.Content.ReadAsStringAsync());
        Assert.False(await factory.QueryAsync(db => db.Set<CodeApplication>().AnyAsync(a => a.Name == "坏地区")));
    }

    [GeneratedRegex("<code>(mca_[A-Za-z0-9_-]+)</code>")]
    private static partial Regex KeyShown();
}
