using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity.Face;

/// <summary>Outside Development and Testing the simulator provider (and so its sim: tokens) is refused at start.</summary>
public sealed class FaceProviderStartupTests
{
    private const string Refusal = "Identity:Face:Provider must be WeChat, Alipay or TencentCloud outside Development and Testing";

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void The_simulator_provider_is_refused_outside_development_and_testing_naming_the_setting(string environment)
    {
        using var host = new MiniCodeFactory().With("Environment", environment).With("Identity:Face:Provider", "Simulator");
        var ex = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains(Refusal, ex.ToString());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Without_a_provider_outside_development_and_testing_the_start_fails_naming_the_setting(string environment)
    {
        // Unset would mean the simulator while MiniCode:Parts:Simulator is on (as in this host).
        using var host = new MiniCodeFactory().With("Environment", environment);
        var ex = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains(Refusal, ex.ToString());
    }

    [Fact]
    public void TencentCloud_without_its_credentials_fails_naming_them()
    {
        using var host = new MiniCodeFactory().With("Identity:Face:Provider", "TencentCloud").With("Identity:Face:TencentCloud:SecretKey", "");
        var ex = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("Identity:Face:TencentCloud:SecretId, SecretKey and RuleId are required", ex.ToString());
    }
}
