using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using MiniCode.Tests.Admin;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Foundation;

/// <summary>
/// Generated keys, the default super-admin, the simulator and the log SMS sender exist only in Development and the
/// tests: every other environment name is a deployment that must configure them, or fails at start naming them.
/// </summary>
public sealed class DeploymentGuardTests
{
    [Theory]
    [InlineData("Staging")]
    [InlineData("Benchmark")]
    [InlineData("Production")]
    public void Any_environment_but_development_and_testing_fails_at_start_listing_every_missing_setting(string environment)
    {
        // Real providers and no simulator, so only the missing secrets are left to refuse.
        using var host = new MiniCodeFactory().With("Environment", environment).With("MiniCode:Parts:Simulator", "false")
            .With("Sms:Provider", "Tencent").With("Identity:Face:Provider", "WeChat");
        var message = Assert.ThrowsAny<Exception>(() => host.CreateClient()).ToString();
        Assert.Contains($"MiniCode cannot start in {environment}: missing required settings", message);
        foreach (var setting in new[] { "Security:DataEncryptionKey", "Security:BlindIndexKey", "MiniCode:HealthCodes:Signing:Keys",
                     "Admin:BootstrapUser", "Admin:BootstrapPassword", "Security:DataProtection:Certificate", "Alipay:AppPrivateKey", "MiniCode:HealthCodes:ApiKeys:Authority" })
            Assert.Contains(setting, message);
        Assert.False(Directory.Exists(Path.Combine(host.WorkDir, "keys")), "no key may be generated outside Development and the tests");
    }

    [Fact]
    public void The_simulator_part_is_refused_in_a_deployment()
    {
        using var host = new MiniCodeFactory().Deployed("Staging").With("MiniCode:Parts:Simulator", "true");
        Assert.Contains("MiniCode:Parts:Simulator must be false outside Development and Testing", Assert.ThrowsAny<Exception>(() => host.CreateClient()).ToString());
    }

    [Fact]
    public void The_log_sms_sender_is_refused_in_a_deployment()
    {
        using var host = new MiniCodeFactory().Deployed("Staging").With("Sms:Provider", "Log");
        Assert.Contains("Sms:Provider must be Tencent or Aliyun outside Development and Testing", Assert.ThrowsAny<Exception>(() => host.CreateClient()).ToString());
    }

    [Fact]
    public async Task A_configured_deployment_starts_with_its_own_super_admin_and_never_the_default_one()
    {
        using var host = new MiniCodeFactory().Deployed("Staging");
        var https = new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true };
        var admin = new AdminClient(host.CreateClient(https));
        var refused = await admin.PostFormAsync("/admin/login", new() { ["Username"] = AdminClient.SuperUser, ["Password"] = AdminClient.SuperPassword });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("账号或密码错误", await refused.Content.ReadAsStringAsync());
        var root = await new AdminClient(host.CreateClient(https)).PostFormAsync("/admin/login", new() { ["Username"] = "root", ["Password"] = "Deployed#Pass1" });
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(host.WorkDir, "keys")), "a configured deployment generates no key");
    }
}
